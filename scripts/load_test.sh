#!/usr/bin/env bash
# The load test (make load): 400 parents complete a survey, 40 at a time, against
# gunicorn on 127.0.0.1 — on SQLite (WAL), then on PostgreSQL + Redis, each at a
# parent's pace (1–4 s a page) and at a rush (0–1 s) — and check that exactly 400
# responses were stored and no request failed. Each run is bounded (RUN_TIME,
# default 10m). Figures go to stdout and reports/load-*.json.
#   WORKERS=4 DATABASES=sqlite PACES=rush scripts/load_test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || [[ -x /usr/bin/redis-server ]] || make --no-print-directory install-redis
exec .venv/bin/python loadtest/run.py --databases "${DATABASES:-sqlite,postgres}" --paces "${PACES:-parent,rush}" --workers "${WORKERS:-3}" "$@"
