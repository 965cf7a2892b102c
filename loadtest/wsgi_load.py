"""The WSGI app the load and fault tests serve: wsgi.app with the SQLite settings on.

``configure_engine_events`` is idempotent, so this is the same app as ``wsgi:app``
once create_app calls it itself.
"""

from feedback_app.services.database import configure_engine_events
from wsgi import app

configure_engine_events(app)
