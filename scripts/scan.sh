#!/usr/bin/env bash
# Security scan (make scan): wapiti and sqlmap against the app on 127.0.0.1 only.
#
# Installs the scanners from PyPI into their own venv (.venv-scan, pinned, kept
# apart from the app's dependencies), serves the app with gunicorn on a fresh
# SQLite database on a free loopback port, then:
#   1. wapiti crawls the public pages and attacks their forms (SQL injection, XSS,
#      command execution, file disclosure, CRLF, open redirect, …), at most
#      SCAN_MINUTES (default 5) minutes;
#   2. sqlmap (--level 1 --risk 1) attacks the fields of three public forms with a
#      fresh CSRF token per request: a survey question page (with the session of a
#      started draft), the resume code and sign-in — each bounded by `timeout` (3
#      minutes); a run that stops early or times out fails the scan.
# Reports go to reports/wapiti.json and reports/sqlmap/. Rate limits stay on but
# with a ceiling the scanners do not reach, so they test the forms, not the limiter.
set -euo pipefail
cd "$(dirname "$0")/.."

SCAN_MINUTES=${SCAN_MINUTES:-5}
WAPITI_VERSION=3.2.3  # the newest that runs on Python 3.11 (3.2.4+ need 3.12)
SQLMAP_VERSION=1.10.10
SCAN_VENV=.venv-scan

if [[ ! -x $SCAN_VENV/bin/wapiti || ! -x $SCAN_VENV/bin/sqlmap ]]; then
  python3.11 -m venv "$SCAN_VENV"
  "$SCAN_VENV/bin/pip" install --quiet --disable-pip-version-check \
    "wapiti3==$WAPITI_VERSION" "sqlmap==$SQLMAP_VERSION"
fi

workdir=$(mktemp -d /tmp/feedback-scan-XXXXXX)
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
mkdir -p reports/sqlmap

export FEEDBACK_ENV=development SECRET_KEY=scan-secret-not-for-production
export DATABASE_URL="sqlite:///$workdir/scan.sqlite3" LOG_JSON=true
export RATELIMIT_ENABLED=true RATELIMIT_PUBLIC_POST="100000 per minute" RATELIMIT_SIGN_IN="100000 per minute"
.venv/bin/flask --app wsgi db upgrade heads >/dev/null 2>&1
.venv/bin/flask --app wsgi create-user --email scan-admin@example.gov.uk --role admin \
  --password 'scan-password-long-enough' >/dev/null

.venv/bin/gunicorn -c deploy/gunicorn.conf.py --bind "127.0.0.1:$port" --workers 3 \
  --no-control-socket loadtest.wsgi_load:app >"$workdir/gunicorn.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$base/healthz" >/dev/null

if [[ -z ${SKIP_WAPITI:-} ]]; then
echo "== wapiti: $base (at most $SCAN_MINUTES minutes)"
# Only modules that stay on 127.0.0.1: not ssrf/log4shell/wapp, which call out to
# wapiti's own servers; --no-bugreport so a crash is not reported over the network.
# Neither wapiti's sql module nor sqlmap at --level 1 --risk 1 sends SQLite
# time-based payloads (sqlmap's need --level 3 --risk 2).
timeout $((SCAN_MINUTES * 60 + 180)) "$SCAN_VENV/bin/wapiti" -u "$base/" --scope folder \
  -m "sql,xss,permanentxss,exec,file,crlf,redirect,htaccess,methods,csp,http_headers,cookieflags,csrf" \
  --max-scan-time $((SCAN_MINUTES * 60)) --max-attack-time 45 --flush-session --no-bugreport \
  -x "$base/sign-out" -f json -o reports/wapiti.json >reports/wapiti.out 2>&1 || true
[[ -f reports/wapiti.json ]] || { echo "wapiti wrote no report: see reports/wapiti.out"; tail -20 reports/wapiti.out; exit 1; }
.venv/bin/python - <<'EOF'
import json
report = json.load(open("reports/wapiti.json"))
found = {k: v for k, v in report.get("vulnerabilities", {}).items() if v}
anomalies = {k: v for k, v in report.get("anomalies", {}).items() if v}
print(f"   crawled {report.get('infos', {}).get('crawled_pages_nbr')} pages")
print(f"   vulnerabilities: {sum(len(v) for v in found.values())}", {k: len(v) for k, v in found.items()})
for kind, items in found.items():
    for item in items[:5]:
        print(f"     {kind}: {item.get('method')} {item.get('path')} {item.get('parameter')} — {item.get('info', '')[:120]}")
print(f"   anomalies (e.g. 500s): {sum(len(v) for v in anomalies.values())}", {k: len(v) for k, v in anomalies.items()})
for kind, items in anomalies.items():
    for item in items[:5]:
        print(f"     {kind}: {item.get('method')} {item.get('path')} {item.get('parameter')}")
EOF
fi

# A session that has started the survey, so the question pages have a draft.
jar="$workdir/cookies.txt"
csrf() { curl -fsS -b "$jar" -c "$jar" "$1" | grep -o 'name="csrf_token"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token=$(csrf "$base/surveys/new-ehcp")
question=$(curl -fsS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' -X POST \
  --data-urlencode "csrf_token=$token" "$base/surveys/new-ehcp")
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
[[ $question == "$base/surveys/new-ehcp/questions/"* && -n $cookie ]] \
  || { echo "could not start a survey draft (redirect: '$question')"; exit 1; }
rm -f reports/sqlmap/*.log reports/sqlmap/*.traffic.txt

sqlmap_form() {  # name url data [cookie]
  local name=$1 url=$2 data=$3 cookie=${4:-} log rc=0
  log="reports/sqlmap/$name.log"
  echo "== sqlmap: $name ($url)"
  # The CSRF token is fetched with a GET of the form before every POST, and copied
  # from the page's hidden csrf_token input into the request. Not `--method POST`
  # (--data already makes the requests POSTs): an explicit --method overrides
  # --csrf-method for every request to the target host, so the token fetch became
  # a POST without a token, got the 400 "page has expired" page and sqlmap stopped
  # at "anti-CSRF token can't be found". gzip: sqlmap offers brotli but does not
  # always decode it. --ignore-redirects: a valid answer redirects to the next
  # question; following it (and re-posting there) would walk the whole survey.
  # SQLite's time-based, stacked and error-based payloads need --level 2-3 and
  # --risk 2, so at level 1 / risk 1 this is boolean-blind, UNION and inline only.
  timeout 180 "$SCAN_VENV/bin/sqlmap" -u "$url" --data "$data" \
    ${cookie:+--cookie "$cookie"} --csrf-token csrf_token --csrf-url "$url" --csrf-method GET \
    --headers "Accept-Encoding: gzip" --ignore-redirects \
    --batch --level 1 --risk 1 --dbms SQLite --technique BEUST --time-sec 2 \
    --skip csrf_token --flush-session --output-dir "reports/sqlmap" \
    -t "reports/sqlmap/$name.traffic.txt" >"$log" 2>&1 || rc=$?
  local responses
  responses=$(grep -o '^HTTP response \[#[0-9]*\] ([0-9]*' "reports/sqlmap/$name.traffic.txt" 2>/dev/null \
    | sed 's/.*(//' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  # (Responses, not "HTTP request" entries: with --ignore-redirects sqlmap also logs
  # each redirect it did not follow as a request to "None".)
  echo "   HTTP responses (token GETs and attack POSTs) by status: ${responses:-none}"
  if grep -q "is vulnerable\|sqlmap identified the following injection" "$log"; then
    echo "   INJECTABLE: see $log"; return 1
  fi
  grep -E "does not seem to be injectable" "$log" | sed 's/^\[[0-9:]*\] \[WARNING\] /   /' || true
  if grep -q "all tested parameters do not appear to be injectable" "$log"; then
    echo "   completed: no parameter injectable"
  else
    # Timed out (124) or stopped early (e.g. CSRF token not found): not a pass.
    echo "   DID NOT COMPLETE (exit $rc): $(grep CRITICAL "$log" | tail -1)"; return 1
  fi
}

status=0
sqlmap_form question "$question" "csrf_token=x&answer=agree&action=continue&leave_blank=" "$cookie" || status=1
sqlmap_form resume "$base/surveys/resume" "csrf_token=x&code=ABCD2345" || status=1
sqlmap_form sign-in "$base/sign-in" "csrf_token=x&email=a%40example.gov.uk&password=wrongpassword1" || status=1

tracebacks=$(grep -c Traceback "$workdir/gunicorn.log" || true)
server_errors=$(grep -c '"status": 5' "$workdir/gunicorn.log" || true)
echo "== server: $server_errors responses of 5xx, $tracebacks tracebacks in the log"
grep -B2 -A25 Traceback "$workdir/gunicorn.log" | head -60 > reports/scan-tracebacks.txt || true
exit $status
