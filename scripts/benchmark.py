"""Load benchmark of the portal as deployed: gunicorn, production settings, a large database.

Run from the project folder with the project's Python (see README, "Benchmark"):

    .venv/bin/python scripts/benchmark.py [--rebuild] [--connections 16] [--duration 20]

1. Creates the PostgreSQL database (``portal_bench`` unless ``--database-url``), migrates it,
   loads the demo and the generated volume (``generate_volume``; both skip what is there,
   ``--rebuild`` starts from an empty database) and collects the static files.
2. Starts gunicorn in production mode (random ``SECRET_KEY``, plain HTTP on 127.0.0.1, Redis as
   the cache when it answers) and waits for ``/health/``.
3. Requests each URL a few times, one at a time (every answer must be a 200; the median is the
   latency of a request alone), then loads it with ``wrk`` at a fixed concurrency for a fixed
   time; a Lua script reports the latency percentiles and counts every status. Any error or
   non-200 answer makes the script fail.
4. Prints the machine, the settings and a table: requests per second, p50/p95/p99 latency and
   each page's throughput relative to a static file served by the same server.

``--lighthouse`` measures instead what a visitor's phone gets: Lighthouse (npm, pinned in
package.json; headless Chromium) on home, calls, a call, the Bourse and the offer form, mobile
performance and SEO, served by the same production server (WhiteNoise's compressed files).

Not a test: figures depend on the machine. Installs Debian's ``wrk`` when missing (as root).
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEFAULT_DEMO_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_demo"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"
SEARCH_WORD = "coopération"

# Runs inside the portal (``manage.py shell``): the URLs to load and what the database holds.
RESOLVE_URLS = """
import json
from collections import Counter
from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from calls.models import CallPage, Laureate
from forms.models import PartnershipOffer
from forms.pages import BourseIndexPage, OfferFormPage
from news.models import NewsIndexPage, NewsPage
from atlas.models import AtlasIndexPage, Project, ProjectPartner

news_index = NewsIndexPage.objects.live().get(locale__language_code="fr")
items = news_index.news_items()
year = timezone.localdate().year - 1
if not items.filter(date__year=year).exists():  # the demo's items may all be of this year
    year = items.order_by("-date").first().date.year
themes = Counter(items.filter(date__year=year).values_list("themes__slug", flat=True))
theme = next(slug for slug, _count in themes.most_common() if slug)
call = (
    CallPage.objects.live().filter(locale__language_code="fr")
    .annotate(laureate_count=Count("laureates")).order_by("-laureate_count", "pk").first()
)
with translation.override("fr"):
    search = reverse("search")
    suggestions = reverse("search_autocomplete")
atlas = AtlasIndexPage.objects.live().get(locale__language_code="fr")
busiest = (
    ProjectPartner.objects.filter(project__status="published", country__isnull=False)
    .values_list("country__iso_code").annotate(n=Count("project")).order_by("-n").first()[0]
)
# The APD figures of a département and of an authority: those with the most declared APD rows.
from atlas.models import ApdFigure, ApdFlowFigure
apd_authority = (
    ApdFigure.objects.values_list("authority__kind", "authority__code")
    .annotate(n=Count("pk")).order_by("-n", "authority__kind", "authority__code").first()
)
apd_departement = (
    ApdFigure.objects.filter(authority__departement__isnull=False)
    .values_list("authority__departement__code").annotate(n=Count("pk")).order_by("-n").first()[0]
)
apd_year = ApdFlowFigure.objects.order_by("-year").values_list("year", flat=True).first()
# The admin pages, as a superuser of the benchmark database with a session of its own; the call
# edited is the one with the most laureates, topped up to 500 rows.
from importlib import import_module
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
admin, _created = get_user_model().objects.get_or_create(
    username="benchmark-admin", defaults={"is_staff": True, "is_superuser": True}
)
missing = 500 - call.laureate_count
if missing > 0:
    Laureate.objects.bulk_create(
        Laureate(
            page=call, sort_order=call.laureate_count + n, french_authority=f"Commune {n}", partner_authority="Oran"
        )
        for n in range(missing)
    )
def session_cookie(user):
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
# A signed-in agent of the professional space: a manager of the embassy in Senegal.
from allauth.account.models import EmailAddress
from accounts.models import Membership, Organisation
from portal.models import Country
agent, _created = get_user_model().objects.get_or_create(
    username="benchmark-agent", defaults={"email": "agent@benchmark.example.org", "first_name": "Agent"}
)
EmailAddress.objects.get_or_create(user=agent, email=agent.email, defaults={"verified": True, "primary": True})
embassy, _created = Organisation.objects.get_or_create(
    kind="embassy", country=Country.objects.get(iso_code="SN"), defaults={"name": "Ambassade de France au Sénégal"}
)
Membership.objects.get_or_create(
    person=agent, organisation=embassy, defaults={"status": "approved", "role": "manager", "decided_at": timezone.now()}
)
calls_index = CallPage.objects.live().filter(locale__language_code="fr").first().get_parent()
news_item = items.filter(date__year=year).order_by("-date", "pk").first() or items.first()
offer = PartnershipOffer.objects.published().order_by("-pk").first()
with translation.override("fr"):
    offer_url = offer.get_absolute_url()
print(json.dumps({
    "admin_cookie": session_cookie(admin),
    "space_cookie": session_cookie(agent),
    "admin_call_laureates": Laureate.objects.filter(page=call).count(),
    "urls": {
        "home": "/fr/",
        "news_list": news_index.url,
        "news": f"{news_index.url}?theme={theme}&year={year}",
        "call": call.url,
        "news_item": news_item.url,
        "calls": calls_index.url,
        "bourse": BourseIndexPage.objects.live().get(locale__language_code="fr").url,
        "offer_form": OfferFormPage.objects.live().get(locale__language_code="fr").url,
        "offer": offer_url,
        "search": f"{search}?q=SEARCH_WORD",
        "autocomplete": f"{suggestions}?q=coop",
        "atlas": atlas.url,
        "atlas_country": f"{atlas.url}pays/{busiest}/",
        # The APD figures (declared APD by year, share per continent) on the World and continent pages.
        "atlas_world_apd": f"{atlas.url}monde/",
        "atlas_continent_apd": f"{atlas.url}monde/002/",
        "atlas_departement_apd": f"{atlas.url}collectivites/departement/{apd_departement}/",
        "atlas_authority_apd": f"{atlas.url}collectivites/{apd_authority[0]}/{apd_authority[1]}/",
        # The demo has no declared APD: no open-data file to time there.
        **({"atlas_apd_open_data": f"{atlas.url}donnees/apd/{apd_year}/"} if apd_year else {}),
        "atlas_list": f"{atlas.url}projets/?continent=002&funding=own&year={year}",
        "space": "/fr/espace/",
        "space_organisation": f"/fr/espace/organisations/{embassy.pk}/",
        "space_join": "/fr/espace/organisations/rejoindre/",
        "admin_dashboard": "/admin/",
        "admin_explorer": f"/admin/pages/{news_index.pk}/",
        "admin_news_edit": f"/admin/pages/{news_item.pk}/edit/",
        "admin_call_edit": f"/admin/pages/{call.pk}/edit/",
        "admin_laureates": f"/admin/calls/{call.pk}/laureates/",
        "admin_themes": "/admin/snippets/portal/theme/",
    },
    "call_laureates": Laureate.objects.filter(page=call).count(),  # after the top-up to 500
    "data": {
        "news items": NewsPage.objects.live().count(),
        "calls": CallPage.objects.live().count(),
        "laureates": Laureate.objects.count(),
        "published offers": PartnershipOffer.objects.published().count(),
        "atlas projects": Project.objects.published().count(),
    },
    "page_cache": {name: repr(getattr(settings, name)) for name in dir(settings) if name.startswith("PAGE_CACHE")},
    "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
}))
"""

WRK_SCRIPT = """\
-- Written by scripts/benchmark.py: counts the statuses, prints one JSON line when done.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  cache_hits = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if (headers["X-Page-Cache"] or headers["x-page-cache"]) == "hit" then
    cache_hits = cache_hits + 1
  end
end

function done(summary, latency, requests)
  local counts, hits = {}, 0
  for _, thread in ipairs(threads) do
    hits = hits + thread:get("cache_hits")
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCHMARK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}, "statuses": {%s}, "cache_hits": %d}\\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ", "), hits))
end
"""

LABELS = {
    "static": "Static file (portal.css)",
    "home": "Home page",
    "news_list": "News list",
    "news": "News list, filtered",
    "news_item": "A news item",
    "calls": "Calls list",
    "call": "Call with {call_laureates} laureates",
    "bourse": "Bourse partenariats list",
    "offer": "A partnership offer",
    "offer_form": "Form: propose an offer",
    "search": f"Search « {SEARCH_WORD} »",
    "autocomplete": "Autocomplete « coop »",
    "atlas": "Atlas home",
    "atlas_country": "Atlas country page (most projects)",
    "atlas_world_apd": "Atlas World page (declared APD, share per continent)",
    "atlas_continent_apd": "Atlas continent page (Africa, declared APD)",
    "atlas_departement_apd": "Atlas département page (most APD figures)",
    "atlas_authority_apd": "Atlas authority page (most APD figures)",
    "atlas_apd_open_data": "APD open-data file of the latest year",
    "atlas_list": "Atlas list, filtered",
    "space": "Professional space (signed-in agent)",
    "space_organisation": "Professional space: the agent's embassy",
    "space_join": "Professional space: join an organisation",
    "admin_dashboard": "Admin: dashboard",
    "admin_explorer": "Admin: page explorer (news)",
    "admin_news_edit": "Admin: edit a news item",
    "admin_call_edit": "Admin: edit a call with {admin_call_laureates} laureates",
    "admin_laureates": "Admin: the laureates of that call (first 100)",
    "admin_themes": "Admin: the themes (snippet listing)",
}
#: Pages measured also without any cache: each request gets a distinct, ignored parameter.
UNCACHED = ("search", "autocomplete")
# The session cookies of the admin pages and of the professional space (set once the URLs are resolved).
ADMIN_COOKIE = {}


def headers_for(path):
    if path.startswith("/admin/") and ADMIN_COOKIE:
        return {"Cookie": ADMIN_COOKIE["value"]}
    if "/espace/" in path and ADMIN_COOKIE:
        return {"Cookie": ADMIN_COOKIE["space"]}
    return {}


class BenchmarkError(Exception):
    pass


def log(message):
    print(f"[benchmark] {message}", flush=True)


def run(args, env, root=ROOT, **kwargs):
    """Run a command of the portal; its output is shown only when it fails."""
    result = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, **kwargs)  # noqa: S603
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise BenchmarkError(f"command failed: {' '.join(str(arg) for arg in args)}")
    return result.stdout


def manage(env, *args, root=ROOT):
    return run([PYTHON, "manage.py", *args], env, root=root)


# --- setup ----------------------------------------------------------------------------------------
def ensure_database(url, rebuild):
    """Create the database of ``url`` (dropped first with ``rebuild``); returns True if it was created."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise BenchmarkError(f"unexpected database name {name!r}")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if rebuild:
            log(f"dropping database {name}")
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')
        return not exists


def redis_answers(url):
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means "no Redis"
        return False


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk (apt-get install wrk)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)  # noqa: S607
        return
    raise BenchmarkError("wrk is needed: sudo apt-get install wrk (Debian/Ubuntu), or run this script as root")


def compile_messages(env, root=ROOT):
    """The French URLs (``/fr/recherche/``) need the compiled catalogues, as in production."""
    missing = [po for po in root.glob("*/locale/*/LC_MESSAGES/django.po") if not po.with_suffix(".mo").exists()]
    missing += [po for po in root.glob("locale/*/LC_MESSAGES/django.po") if not po.with_suffix(".mo").exists()]
    if missing:
        log(f"compiling the message catalogues of {root}")
        manage(env, "compilemessages", "--ignore=.venv", "-v0", root=root)


def prepare(options, base_env):
    created = ensure_database(options.database_url, options.rebuild)
    compile_messages(base_env)
    log("migrating")
    manage(base_env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    if options.demo:
        log("loading the demo (load_demo, load_atlas_demo; they skip what is there)")
        demo_env = {**base_env, "TASKS_BACKEND": "immediate"}
        manage(demo_env, "load_demo")
        manage(demo_env, "load_atlas_demo")
        log(f"data ready in {time.monotonic() - started:.0f} s")
        return
    log(
        "loading the demo and the volume, the Atlas's included (generate_volume; skips what is there)"
        + (" — first load" if created else "")
    )
    volume = ["--news", options.news, "--calls", options.calls, "--laureates", options.laureates]
    output = manage(base_env, "generate_volume", *map(str, volume + ["--offers", options.offers]))
    for line in output.splitlines():
        if "already" in line or "ready" in line or "Indexed" in line or "Atlas volume" in line:
            log(f"  {line.strip()}")
    log("loading the APD declarations' volume (generate_apd_volume: 4,800 authorities x 10 years)")
    manage(base_env, "generate_apd_volume")
    log(f"data ready in {time.monotonic() - started:.0f} s")


# --- server -------------------------------------------------------------------------------------
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}", **headers_for(path)})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def start_gunicorn(options, env, port, log_path, root=ROOT):
    gunicorn = Path(PYTHON).parent / "gunicorn"
    if not gunicorn.exists():
        raise BenchmarkError(f"{gunicorn} not found: run this script with the project's .venv/bin/python")
    args = [
        str(gunicorn),
        "portal.wsgi",
        "--workers",
        str(options.workers),
        "--worker-class",
        options.worker_class,
        "--threads",
        str(options.threads),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "120",
    ]
    log(f"starting gunicorn ({options.workers} {options.worker_class} workers) on 127.0.0.1:{port} in {root}")
    # gunicorn's messages and the portal's logs (errors with their traceback) go to one file.
    with open(log_path, "ab") as log_file:
        process = subprocess.Popen(args, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchmarkError(f"gunicorn stopped (exit {process.returncode}); see {log_path}")
        try:
            status, _body = get(port, "/health/", timeout=5)
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    raise BenchmarkError(f"/health/ did not answer 200 within 90 s; see {log_path}")


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def alone_uncached(port, path, times):
    """Median time of ``path`` requested ``times`` times with a distinct ignored parameter each
    time (no cache can answer), one at a time, in ms: of the second half, once every worker has
    run the code without cache."""
    timings = []
    for n in range(times):
        started = time.perf_counter()
        status, _body = get(port, f"{path}&uncached={n}-{secrets.token_hex(4)}", timeout=120)
        timings.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise BenchmarkError(f"{path} answered {status} without cache, not 200")
    return statistics.median(timings[len(timings) // 2 :])


def server_timing(header):
    """{"total": ms, "sql": ms, "queries": n, "render": ms} from portal/timing.py's header."""
    figures = {}
    for part in header.split(","):
        name, _sep, rest = part.strip().partition(";")
        duration = re.search(r"dur=([0-9.]+)", rest)
        if duration:
            figures[name] = float(duration.group(1))
        count = re.search(r'desc="(\d+) queries"', rest)
        if count:
            figures["queries"] = int(count.group(1))
    return figures


def profile_uncached(port, urls, times, warm, strict=True):
    """Each URL requested ``warm`` times (every worker loads its code), then ``times`` times, one
    request at a time, with the page cache off; the medians of the time seen by the client, of
    the SQL queries and their time, and of the template rendering (``Server-Timing``). Not
    ``strict`` (a ``--before`` checkout), a page that does not answer 200 is left out."""
    results = {}
    for key, path in urls.items():
        try:
            results[key] = _profile_page(port, key, path, times, warm)
        except BenchmarkError as error:
            if strict:
                raise
            log(f"left out of the before run: {error}")
    return results


def _profile_page(port, key, path, times, warm):
    samples = []
    for n in range(warm + times):
        # A distinct, ignored parameter: no cache answers (the search's short cache included).
        separator = "&" if "?" in path else "?"
        url = f"{path}{separator}uncached={n}-{secrets.token_hex(4)}" if key in UNCACHED else path
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        started = time.perf_counter()
        try:
            connection.request("GET", url, headers={"Host": f"127.0.0.1:{port}", **headers_for(path)})
            response = connection.getresponse()
            body = response.read()
            elapsed = (time.perf_counter() - started) * 1000
            timing = response.getheader("Server-Timing") or ""
            hit = response.getheader("X-Page-Cache")
        finally:
            connection.close()
        if response.status != 200:
            raise BenchmarkError(f"{path} ({key}) answered {response.status}, not 200")
        if hit == "hit":
            raise BenchmarkError(f"{path} ({key}) came from the page cache: run with the page cache off")
        if n >= warm:
            samples.append({"alone": elapsed, "bytes": len(body), **server_timing(timing)})
    figures = {"path": path}
    for name in ("alone", "queries", "sql", "render", "total", "bytes"):
        values = [sample[name] for sample in samples if name in sample]
        figures[name] = statistics.median(values) if values else None
    return figures


def report_uncached(results, context, options, title, revision=None):
    lines = [
        "",
        f"{title} — {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {revision or git_revision()}",
        f"Machine: {machine()}; load average before the run: {context['load_before']}",
        f"Server: gunicorn, {options.workers} {options.worker_class} worker(s), DJANGO_ENV=production "
        "(DEBUG off, cached template loader), page cache off, SERVER_TIMING=on",
        f"Requests: each URL alone, {options.times} times after {options.warm} warm-up requests; medians",
        "Data: " + ", ".join(f"{count:,} {name}" for name, count in context["data"].items()),
        "",
        "| page | URL | KiB | alone ms | queries | SQL ms | render ms |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]

    def number(value, digits=1):
        return "–" if value is None else f"{value:,.{digits}f}"

    for key, figures in results.items():
        label = LABELS[key].format(**context)
        cells = [label, f"`{figures['path']}`", number((figures["bytes"] or 0) / 1024, 0), number(figures["alone"])]
        cells += [number(figures["queries"], 0), number(figures["sql"]), number(figures["render"])]
        lines.append("| " + " | ".join(cells) + " |")
    print("\n".join(lines), flush=True)
    return lines


# --- load -----------------------------------------------------------------------------------------
def warm_up(port, urls, times):
    """Request every URL ``times`` times, one request at a time (each worker loads its code,
    templates and caches); returns the median time of the second half of them, in ms: the
    latency of a request on its own."""
    alone = {}
    for key, path in urls.items():
        timings = []
        for _ in range(times):
            started = time.perf_counter()
            status, _body = get(port, path, timeout=120)
            timings.append((time.perf_counter() - started) * 1000)
            if status != 200:
                raise BenchmarkError(f"{path} ({key}) answered {status}, not 200")
        alone[key] = statistics.median(timings[len(timings) // 2 :])
    return alone


def load(port, path, options, lua_path):
    url = f"http://127.0.0.1:{port}{path}"
    args = [
        "wrk",
        f"--threads={options.wrk_threads}",
        f"--connections={options.connections}",
        f"--duration={options.duration}s",
        "--timeout=30s",
        f"--script={lua_path}",
        *(f"--header={name}: {value}" for name, value in headers_for(path).items()),
        url,
    ]
    result = subprocess.run(args, capture_output=True, text=True)  # noqa: S603
    match = re.search(r"^BENCHMARK_JSON (.*)$", result.stdout, re.MULTILINE)
    if result.returncode != 0 or not match:
        raise BenchmarkError(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    figures = json.loads(match.group(1))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    # Failed requests: connection errors and timeouts, plus every answer that is not a 200
    # (wrk's own "status" errors are the 4xx and 5xx among those).
    figures["not_200"] = sum(count for status, count in figures["statuses"].items() if status != "200")
    figures["failed"] = figures["not_200"] + sum(n for kind, n in figures["errors"].items() if kind != "status")
    return figures


# --- report ---------------------------------------------------------------------------------------
def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, {memory}; {platform.system()} {platform.release()}"


def git_revision():
    result = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True, text=True)  # noqa: S603, S607
    return result.stdout.strip() or "unknown"


def report(results, context, options, title="Portal benchmark", revision=None):
    static_rps = results["static"]["rps"]
    lines = [
        "",
        f"{title} — {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {revision or git_revision()}",
        f"Machine: {machine()}; load average before the run: {context['load_before']}",
        f"Server: gunicorn, {options.workers} {options.worker_class} worker(s)"
        + (f" × {options.threads} threads" if options.threads > 1 else "")
        + f", DJANGO_ENV=production, cache: {context['cache']}, page cache settings: "
        + (", ".join(f"{k}={v}" for k, v in context["page_cache"].items()) or "none"),
        f"Load: wrk, {options.connections} connections, {options.wrk_threads} threads, {options.duration} s per URL",
        "Data: " + ", ".join(f"{count:,} {name}" for name, count in context["data"].items()),
        "",
        "| page | URL | KiB | alone ms | alone, no cache ms | page cache hits | req/s | p50 ms | p95 ms | p99 ms "
        "| vs static |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, figures in results.items():
        label = LABELS[key].format(**context)
        size = figures["bytes"] / max(figures["requests"], 1) / 1024
        hits = "–" if key == "static" else f"{figures['cache_hits'] / max(figures['requests'], 1):.0%}"
        latencies = " | ".join(f"{figures[name] / 1000:,.1f}" for name in ("p50_us", "p95_us", "p99_us"))
        uncached = f"{figures['uncached_ms']:,.1f}" if figures.get("uncached_ms") is not None else "–"
        cells = [label, f"`{figures['path']}`", f"{size:,.0f}", f"{figures['alone_ms']:,.1f}", uncached, hits]
        cells += [f"{figures['rps']:,.0f}", latencies, f"{figures['rps'] / static_rps:.1%}"]
        lines.append("| " + " | ".join(cells) + " |")
    tti = context.get("map_tti")
    if tti:
        verdict = "within" if tti["drawn_ms"] <= MAP_BUDGET_MS else "OVER"
        lines.append(
            f"\nAtlas world map in Chromium (best of 3 cold loads): drawn and interactive "
            f"{tti['drawn_ms']:,.0f} ms ({verdict} the {MAP_BUDGET_MS:,} ms budget), clusters after two zooms "
            f"{tti['clusters_ms']:,.0f} ms. The machine is shared: figures vary with the other users' load."
        )
    print("\n".join(lines), flush=True)
    return lines


# --- main ---------------------------------------------------------------------------------------------
def parse_args():
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCHMARK_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="used as the cache when it answers")
    parser.add_argument("--no-redis", action="store_true", help="local-memory cache in each worker")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="switch the anonymous page cache off (PAGE_CACHE_SECONDS=0)"
    )
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="no load: each page alone with the page cache off, with its queries, SQL and render time "
        "(Server-Timing, portal/timing.py)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="on the demo content only (load_demo, load_atlas_demo) in its own database "
        "(portal_bench_demo unless --database-url)",
    )
    parser.add_argument(
        "--static-root", type=Path, help="collect the static files there once and reuse them (collectstatic is slow)"
    )
    parser.add_argument(
        "--lighthouse",
        action="store_true",
        help="no load: Lighthouse mobile performance and SEO of home, calls, a call, the Bourse and a form "
        "(npm's lighthouse, Chromium at /usr/bin/chromium or CHROME_PATH); with --before, both checkouts",
    )
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="--lighthouse: runs per page (median)")
    parser.add_argument(
        "--lighthouse-reports",
        type=Path,
        help="--lighthouse: keep the median run's JSON report of each page in this folder (CHECKOUT-PAGE.json)",
    )
    parser.add_argument("--times", type=int, default=10, help="--uncached: measured requests per page (default 10)")
    parser.add_argument("--warm", type=int, default=0, help="--uncached: warm-up requests (default 2 × workers)")
    parser.add_argument("--rebuild", action="store_true", help="drop the database and load everything again")
    parser.add_argument("--skip-setup", action="store_true", help="use the database as it is")
    parser.add_argument("--news", type=int, default=5000)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--laureates", type=int, default=10000)
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2 * cores + 1, help="gunicorn workers (default 2 × CPUs + 1)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (default sync)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (gthread)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per URL (default 20)")
    parser.add_argument("--wrk-threads", type=int, default=min(cores, 4), help="wrk threads (default CPUs, at most 4)")
    parser.add_argument("--port", type=int, default=0, help="port of gunicorn (default: a free one)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--only", help="comma-separated pages to load (static is always loaded), e.g. search,autocomplete"
    )
    parser.add_argument(
        "--digest",
        type=int,
        metavar="SUBSCRIBERS",
        help="time the daily alert digest for this many generated subscribers (e.g. 20000) instead "
        "of loading pages: matching, grouping, rendering and sending (to a backend that sends nothing)",
    )
    parser.add_argument("--digest-events", type=int, default=30, help="events of the digest (default 30)")
    parser.add_argument(
        "--before",
        type=Path,
        help="another checkout of the portal (a `git worktree` of main): measured first on the same "
        "database, then this one; both tables and the ratios are printed",
    )
    options = parser.parse_args()
    options.wrk_threads = max(1, min(options.wrk_threads, options.connections))
    if options.demo and options.database_url == DEFAULT_DATABASE_URL:
        options.database_url = DEFAULT_DEMO_DATABASE_URL
    options.warm = options.warm or 2 * options.workers
    return options


def flush_redis(options, env):
    """Each server starts from a cold cache."""
    if env.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def measure(options, env, context, work, root):
    """Start gunicorn in ``root``, load every URL, stop it; the figures by page."""
    port = options.port or free_port()
    process = None
    results = {}
    try:
        process = start_gunicorn(options, env, port, work / "gunicorn.log", root=root)
        status, home = get(port, context["urls"]["home"])
        # A small hashed file of the same server: the cost of a request with no page work.
        css = re.search(r'href="(/static/portal/portal\.[0-9a-f]+\.css)"', home.decode())
        if status != 200 or not css:
            raise BenchmarkError(f"the home page answered {status} without the hashed portal.css")
        wanted = set(options.only.split(",")) if options.only else None
        urls = {"static": css.group(1)}
        urls.update({key: path for key, path in context["urls"].items() if wanted is None or key in wanted})
        log("warming up: " + ", ".join(urls.values()))
        alone = warm_up(port, urls, times=max(4, 2 * options.workers))
        times = max(4, 2 * options.workers)
        uncached = {key: alone_uncached(port, urls[key], times) for key in UNCACHED if key in urls}
        if "atlas" in urls:
            context["map_tti"] = map_time_to_interactive(port, urls["atlas"])
        lua_path = work / "report.lua"
        lua_path.write_text(WRK_SCRIPT)
        for key, path in urls.items():
            log(f"loading {path} for {options.duration} s")
            results[key] = load(port, path, options, lua_path) | {
                "path": path,
                "alone_ms": alone[key],
                "uncached_ms": uncached.get(key),
            }
            figures = results[key]
            if figures["failed"]:
                raise BenchmarkError(
                    f"{path}: {figures['failed']} failed requests (errors "
                    f"{figures['errors']}, statuses {figures['statuses']}); see {work / 'gunicorn.log'}"
                )
    finally:
        stop(process)
    return results


MAP_BUDGET_MS = 2000
CHROMIUM = Path("/usr/bin/chromium")


def map_time_to_interactive(port, path, runs=3):
    """In Chromium, the Atlas map at volume: from the start of the navigation until the map is
    drawn (``data-drawn`` set by atlas-map.js: shapes shaded, markers ready) and until, zoomed in
    twice, the partners' clusters are on screen. The best of ``runs`` cold page loads (a fresh
    browser context each time: no HTTP cache). None without Chromium or Playwright."""
    if not CHROMIUM.exists():
        log(f"map time to interactive: skipped, no Chromium at {CHROMIUM}")
        return None
    try:
        from playwright.sync_api import sync_playwright  # lazy: a dev dependency
    except ImportError:
        log("map time to interactive: skipped, Playwright is not installed")
        return None
    url = f"http://127.0.0.1:{port}{path}"
    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            for _run in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.set_default_timeout(60_000)
                page.goto(url, wait_until="commit")
                page.wait_for_function("() => document.getElementById('atlas-map')?.dataset.drawn !== undefined")
                drawn = page.evaluate("() => performance.now()")
                page.locator("#atlas-map .leaflet-control-zoom-in").click()
                page.locator("#atlas-map .leaflet-control-zoom-in").click()
                page.wait_for_selector("#atlas-map .marker-cluster, #atlas-map path[fill='#e1000f']", state="attached")
                clusters = page.evaluate("() => performance.now()")
                figures.append({"drawn_ms": drawn, "clusters_ms": clusters})
                context.close()
        finally:
            browser.close()
    best = min(figures, key=lambda figure: figure["drawn_ms"])
    log(f"map time to interactive: drawn {best['drawn_ms']:,.0f} ms, clusters {best['clusters_ms']:,.0f} ms")
    return best


#: The pages Lighthouse measures (issue 15: home, a list, a call, the Bourse and a form).
LIGHTHOUSE_PAGES = ("home", "calls", "call", "bourse", "offer_form")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def lighthouse(port, path, work, runs, keep=None):
    """Lighthouse (npm, pinned in package.json) in headless Chromium, mobile (its default:
    Moto G Power, slow 4G and 4x CPU slowdown simulated), performance and SEO: the run of median
    performance score among ``runs``. With ``keep`` (a path without suffix), the median run's
    JSON report is copied there, for its diagnostics (main-thread work, long tasks, DOM size)."""
    if not LIGHTHOUSE.exists():
        raise BenchmarkError(f"{LIGHTHOUSE} not found: npm ci (Lighthouse is a devDependency)")
    results = []
    for n in range(runs):
        report_path = work / f"lighthouse-{n}.json"
        args = [
            str(LIGHTHOUSE),
            f"http://127.0.0.1:{port}{path}",
            "--only-categories=performance,seo",
            "--output=json",
            f"--output-path={report_path}",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", str(CHROMIUM))}
        for attempt in range(1, 4):
            report_path.unlink(missing_ok=True)
            result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)  # noqa: S603
            if result.returncode == 0 and report_path.exists():
                break
            # Lighthouse's own advice on a trace it could not record (NO_NAVSTART): run it again.
            log(f"lighthouse failed on {path} (try {attempt} of 3): {(result.stdout + result.stderr).strip()[:200]}")
        else:
            raise BenchmarkError(f"lighthouse failed on {path} three times:\n{result.stdout}{result.stderr}")
        data = json.loads(report_path.read_text())
        audits, categories = data["audits"], data["categories"]
        failed_seo = [
            ref["id"]
            for ref in categories["seo"]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        ]
        results.append(
            {
                "report": data,
                "performance": round(categories["performance"]["score"] * 100),
                "seo": round(categories["seo"]["score"] * 100),
                "fcp_ms": audits["first-contentful-paint"]["numericValue"],
                "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
                "tbt_ms": audits["total-blocking-time"]["numericValue"],
                "cls": audits["cumulative-layout-shift"]["numericValue"],
                "si_ms": audits["speed-index"]["numericValue"],
                "kib": audits["total-byte-weight"]["numericValue"] / 1024,
                "seo_failed": failed_seo,
            }
        )
    results.sort(key=lambda figures: figures["performance"])
    median = results[len(results) // 2]
    report = median.pop("report")
    if keep:
        keep.with_suffix(".json").write_text(json.dumps(report))
    return median


def run_lighthouse(options, env, context, work, root=ROOT):
    """Start gunicorn (production: WhiteNoise's compressed, hashed static files), run Lighthouse on
    each page of LIGHTHOUSE_PAGES, stop it; the figures by page."""
    port = options.port or free_port()
    process = None
    results = {}
    try:
        process = start_gunicorn(options, env, port, work / "gunicorn.log", root=root)
        for key in LIGHTHOUSE_PAGES:
            path = context["urls"][key]
            get(port, path)  # the page cache filled, as a visitor after the first one finds it
            log(f"lighthouse {path} ({options.lighthouse_runs} runs)")
            keep = options.lighthouse_reports / f"{root.name}-{key}" if options.lighthouse_reports else None
            results[key] = {"path": path, **lighthouse(port, path, work, options.lighthouse_runs, keep)}
    finally:
        stop(process)
    return results


def report_lighthouse(results, context, title, revision=None):
    lines = [
        "",
        f"{title} — {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {revision or git_revision()}",
        f"Machine: {machine()}; load average before the run: {context['load_before']}",
        "Lighthouse (mobile, simulated slow 4G and 4x CPU slowdown), headless Chromium, gunicorn with "
        "DJANGO_ENV=production; the run of median performance",
        "",
        "| page | URL | performance | SEO | FCP s | LCP s | TBT ms | CLS | Speed Index s | KiB | SEO audits failed |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for key, figures in results.items():
        cells = [LABELS[key].format(**context), f"`{figures['path']}`", str(figures["performance"])]
        cells += [str(figures["seo"]), f"{figures['fcp_ms'] / 1000:.1f}", f"{figures['lcp_ms'] / 1000:.1f}"]
        cells += [f"{figures['tbt_ms']:,.0f}", f"{figures['cls']:.3f}", f"{figures['si_ms'] / 1000:.1f}"]
        cells += [f"{figures['kib']:,.0f}", ", ".join(figures["seo_failed"]) or "–"]
        lines.append("| " + " | ".join(cells) + " |")
    print("\n".join(lines), flush=True)
    return lines


def run_uncached(options, env, context, work):
    """Start gunicorn, time every page alone without the page cache, stop it; print the table.
    With ``--before``, the other checkout first on the same database, then the comparison."""
    wanted = set(options.only.split(",")) if options.only else None
    urls = {key: path for key, path in context["urls"].items() if wanted is None or key in wanted}
    title = "Uncached, demo content" if options.demo else "Uncached, generated volume"
    runs = [(*before_checkout(options, env, work), False)] if options.before else []
    runs.append((ROOT, env, None, True))
    measured = []
    for root, run_env, revision, strict in runs:
        port = options.port or free_port()
        process = None
        try:
            process = start_gunicorn(options, run_env, port, work / "gunicorn.log", root=root)
            log(f"profiling {len(urls)} pages of {root} without the page cache: " + ", ".join(urls.values()))
            results = profile_uncached(port, urls, options.times, options.warm, strict=strict)
        finally:
            stop(process)
        run_title = f"{title}, {'before' if not strict else 'after'}" if options.before else title
        report_uncached(results, context, options, run_title, revision=revision)
        measured.append(results)
    if options.before:
        compare_uncached(*measured, context)
    if options.json:
        options.json.write_text(json.dumps({"context": context, "results": measured}, indent=2, ensure_ascii=False))


def compare_uncached(before, after, context):
    """Each page's time alone and queries, before → after."""
    lines = ["", "| page | alone ms before → after | × | queries before → after |", "|---|---:|---:|---:|"]

    def number(value, digits=1):
        return "–" if value is None else f"{value:,.{digits}f}"

    for key, figures in after.items():
        old = before.get(key) or {}
        ratio = f"{old['alone'] / figures['alone']:.1f}" if old.get("alone") and figures["alone"] else "–"
        lines.append(
            f"| {LABELS[key].format(**context)} | {number(old.get('alone'))} → {number(figures['alone'])} | {ratio} "
            f"| {number(old.get('queries'), 0)} → {number(figures['queries'], 0)} |"
        )
    print("\n".join(lines), flush=True)


def before_checkout(options, env, work):
    """``--before``: the other checkout's root, its environment (its own collected static files,
    its catalogues compiled) and its revision."""
    root = options.before.resolve()
    compile_messages(env, root=root)
    before_env = {**env, "STATIC_ROOT": str(work / "static-before")}
    manage(before_env, "collectstatic", "--noinput", "-v0", root=root)
    revision = subprocess.run(  # noqa: S603
        ["git", "-C", str(root), "log", "-1", "--format=%h %s"],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout.strip()
    return root, before_env, revision


def compare(measured):
    """Ratios after/before of requests per second and of the latency of a request alone."""
    (_before_title, before), (_after_title, after) = measured
    lines = ["", "| page | req/s before | req/s after | × | alone ms before → after | no cache ms before → after |"]
    lines.append("|---|---:|---:|---:|---:|---:|")
    for key in after:
        if key not in before:
            continue
        b, a = before[key], after[key]
        uncached = (
            f"{b['uncached_ms']:,.1f} → {a['uncached_ms']:,.1f}"
            if b.get("uncached_ms") and a.get("uncached_ms")
            else "–"
        )
        lines.append(
            f"| {LABELS[key].split(' {')[0]} | {b['rps']:,.0f} | {a['rps']:,.0f} | {a['rps'] / b['rps']:.1f} "
            f"| {b['alone_ms']:,.1f} → {a['alone_ms']:,.1f} | {uncached} |"
        )
    print("\n".join(lines), flush=True)


def lighthouse_runs(options, env, context, work):
    """--lighthouse: this checkout, after the one of --before if given (same database, own static files)."""
    runs = []
    if options.before:
        before_root, before_env, revision = before_checkout(options, env, work)
        runs.append(("Lighthouse, before", before_root, before_env, revision))
    runs.append(("Lighthouse, after" if options.before else "Lighthouse", ROOT, env, None))
    measured = {}
    for title, root, run_env, revision in runs:
        flush_redis(options, run_env)
        results = run_lighthouse(options, run_env, context, work, root=root)
        measured[title] = results
        report_lighthouse(results, context, title, revision=revision)
    if options.json:
        options.json.write_text(json.dumps({"context": context, "results": measured}, indent=2, ensure_ascii=False))


def main():
    options = parse_args()
    base_env = {**os.environ, "DATABASE_URL": options.database_url, "LOG_LEVEL": "WARNING"}
    for name in ("DJANGO_ENV", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "ELASTICSEARCH_URL"):
        base_env.pop(name, None)
    if options.digest:
        if not options.skip_setup:
            prepare(options, base_env)
        log(f"daily alert digest for {options.digest:,} subscribers (benchmark_alert_digest)")
        args = ["--subscribers", str(options.digest), "--events", str(options.digest_events)]
        print(manage(base_env, "benchmark_alert_digest", *args))
        return
    if not (options.uncached or options.lighthouse):
        ensure_wrk()
    if not options.skip_setup:
        prepare(options, base_env)
    work = Path(tempfile.mkdtemp(prefix="portal-benchmark-"))
    env = {
        **base_env,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on the loopback: no redirection to HTTPS, no proxy header to trust.
        "SECURE_SSL_REDIRECT": "false",
        "BEHIND_HTTPS_PROXY": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(options.static_root or work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private_media"),
    }
    if options.no_page_cache or options.uncached:
        env["PAGE_CACHE_SECONDS"] = "0"
    if options.uncached:
        env["SERVER_TIMING"] = "on"
    # The benchmark's superuser has no authenticator: no second factor asked on the admin pages.
    env["STAFF_MFA_REQUIRED"] = "false"
    if not options.no_redis and redis_answers(options.redis_url):
        # A database of its own, emptied so that every run starts from a cold cache.
        redis.Redis.from_url(options.redis_url).flushdb()
        env["REDIS_URL"] = options.redis_url
    else:
        log("Redis does not answer (or --no-redis): each worker has its own local-memory cache")
    if options.static_root and (options.static_root / "staticfiles.json").exists():
        log(f"static files already collected in {options.static_root}")
    else:
        log("collecting the static files")
        manage(env, "collectstatic", "--noinput", "-v0")
    context = json.loads(
        manage(env, "shell", "-c", RESOLVE_URLS.replace("SEARCH_WORD", quote(SEARCH_WORD))).splitlines()[-1]
    )
    ADMIN_COOKIE["value"] = context["admin_cookie"]
    ADMIN_COOKIE["space"] = context["space_cookie"]
    if options.no_page_cache and "PAGE_CACHE_SECONDS" not in context["page_cache"]:
        raise BenchmarkError("--no-page-cache: this version of the portal has no PAGE_CACHE_SECONDS setting")
    # Other work on the machine skews the figures: say how busy it was.
    context["load_before"] = " ".join(f"{value:.1f}" for value in os.getloadavg())
    if options.uncached:
        run_uncached(options, env, context, work)
        shutil.rmtree(work, ignore_errors=True)
        return
    if options.lighthouse:
        lighthouse_runs(options, env, context, work)
        shutil.rmtree(work, ignore_errors=True)
        return
    runs = []
    if options.before:
        before_root, before_env, revision = before_checkout(options, env, work)
        runs.append(("Before", before_root, before_env, revision))
    runs.append(("After" if options.before else "Portal benchmark", ROOT, env, None))
    measured = []
    for title, root, run_env, revision in runs:
        if options.before:
            flush_redis(options, run_env)
        results = measure(options, run_env, context, work, root)
        measured.append((title, results))
        report(results, context, options, title=title, revision=revision)
    if options.before:
        compare(measured)
    if options.json:
        figures = {title: results for title, results in measured}
        options.json.write_text(json.dumps({"context": context, "results": figures}, indent=2, ensure_ascii=False))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except BenchmarkError as error:
        sys.exit(f"[benchmark] FAILED: {error}")
