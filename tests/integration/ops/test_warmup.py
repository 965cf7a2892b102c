"""gunicorn's master warms the app up before forking: mappers configured, pages compiled."""

from __future__ import annotations

from flask import Flask

from feedback_app.extensions import db
from feedback_app.warmup import warm_up


def test_warm_up_compiles_every_page_template_without_touching_the_database(app: Flask) -> None:
    engine_before = {name: engine.pool.checkedout() for name, engine in db.engines.items()}
    cache = app.jinja_env.cache
    assert cache is not None
    assert not {key[1] for key in cache} & {"surveys/question.html", "layouts/base.html"}

    done = warm_up(app)

    names = app.jinja_env.list_templates(extensions=["html"])
    assert done == {"templates": len(names), "migration_heads": 1}
    assert "surveys/question.html" in names
    cached = {key[1] for key in cache}
    assert {"surveys/question.html", "layouts/base.html"} <= cached
    assert all(mapper.configured for mapper in db.Model.registry.mappers)
    # No connection was left checked out by warming up.
    assert {name: engine.pool.checkedout() for name, engine in db.engines.items()} == engine_before
