"""serve_bench.py's search throughput and "the first minute after a publish" (issue 20).

Both drive wrk with a Lua script of their own: the search rows cycle through bench/search_bench.py's
queries; the minute after a publish picks pages from a weighted mix at random, each connection
pausing between requests (wrk's delay()) so that the load is a steady stream of visitors rather
than as many requests as the server can take.
"""

import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from search_bench import QUERIES

SEARCH_TARGETS = {"broad": 1000, "distinct": 150}


def lua_list(paths):
    # The paths are URL-quoted ASCII: nothing in them needs escaping inside a Lua string.
    return "{\n" + ",\n".join(f'  "{path}"' for path in paths) + "\n}"


def cycling_script(paths):
    """Each wrk thread walks the list in order from its own starting place."""
    return f"""
local paths = {lua_list(paths)}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  position = id * 17
end
function request()
  position = position + 1
  return wrk.format(nil, paths[(position % #paths) + 1])
end
"""


def mix_script(paths, delay_ms):
    """Pages picked at random from `paths` (repeated by weight); renders counted from X-Page-Cache."""
    return f"""
local paths = {lua_list(paths)}
local threads = {{}}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(7919 * id + 1)
  renders = 0
end
function delay()
  return math.random({max(1, delay_ms // 2)}, {max(1, delay_ms * 3 // 2)})
end
function request()
  return wrk.format(nil, paths[math.random(#paths)])
end
function response(status, headers, body)
  if headers["X-Page-Cache"] == "miss" then
    renders = renders + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("renders")
  end
  io.write(string.format("renders seen: %d\\n", total))
end
"""


def write_script(workdir, name, text):
    path = Path(workdir) / name
    path.write_text(text)
    return path


def wrk_with_script(bench, port, script, duration, connections, encoding):
    command = bench.wrk_command(port, "/", duration, connections, encoding)
    command[1:1] = ["-s", str(script)]
    return command


def run_wrk(bench, command, timeout):
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=timeout).stdout
    result = bench.parse_wrk(output)
    for line in output.splitlines():
        if line.startswith("renders seen:"):
            result["renders"] = int(line.split(":")[1])
    return result


def search_paths():
    return [f"/search/?{urlencode({'q': query})}" for query in QUERIES]


def search_rows(bench, args, servers, workdir, index_path):
    """The repeated broad query with the search cache on; the distinct queries cycled with it off."""
    broad = bench.measured_load(servers["search"], bench.PORTS["search"], "/search/?q=data", args)
    bench.wait_until_idle(servers["search"])
    script = write_script(workdir, "search-cycle.lua", cycling_script(search_paths()))
    tick = os.sysconf("SC_CLK_TCK")
    command = wrk_with_script(
        bench, bench.PORTS["search_uncached"], script, args.duration, args.connections, args.accept_encoding
    )
    # Unmeasured first, as a server that has run a while: each worker has then shown every query's results
    # once and keeps what only content changes alter (search/cache.py); the answers are not kept.
    run_wrk(bench, command, args.duration + 60)
    bench.wait_until_idle(servers["search_uncached"])
    before = bench._workers_cpu_ticks(servers["search_uncached"])
    distinct = run_wrk(bench, command, args.duration + 60)
    used = (bench._workers_cpu_ticks(servers["search_uncached"]) - before) / tick
    distinct["cpu_ms"] = used * 1000 / distinct["requests"] if distinct.get("requests") else float("nan")
    bench.wait_until_idle(servers["search_uncached"])
    # What stored HTML costs on the same two workers: a page the page cache answers, for comparison.
    bench.fetch(bench.PORTS["search"], index_path, args.accept_encoding)
    stored = bench.measured_load(servers["search"], bench.PORTS["search"], index_path, args)
    print(
        f"\nsearch, gunicorn {args.search_workers} workers, wrk {args.connections} connections, {args.duration} s "
        f"each; load average {_load()}"
    )
    rows = [
        ("repeated broad query ?q=data, search cache on", broad, SEARCH_TARGETS["broad"]),
        (f"{len(QUERIES)} distinct queries cycled, search cache off", distinct, SEARCH_TARGETS["distinct"]),
        ("for comparison: conferences index, page cache hit", stored, None),
    ]
    for label, result, target in rows:
        met = "" if target is None else "met" if result["rps"] >= target else "NOT met"
        goal = f"  (target >= {target} req/s: {met})" if target else ""
        errors = f"  ({result['errors']} errors)" if result["errors"] else ""
        print(
            f"  {label:52} {result['rps']:>7.0f} req/s  p50 {result['p50']:>7.2f} ms  p99 {result['p99']:>7.2f} ms  "
            f"CPU {result['cpu_ms']:.2f} ms a request{goal}{errors}"
        )


def _load():
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def visitor_mix():
    """The pages the minute's visitors ask for, repeated by how popular such a page is likely to be.

    Listings most, then the programmes of the last five years, then the older programmes, then
    presentations of the recent years (one visit each).
    """
    from conferences.models import ConferenceArchivePage, ConferenceIndexPage, ConferencePage, Presentation

    conferences = list(ConferencePage.objects.live().order_by("-year"))
    listings = ["/", ConferenceIndexPage.objects.live().first().url, ConferenceArchivePage.objects.live().first().url]
    recent, older = conferences[:5], conferences[5:]
    talks = Presentation.objects.filter(conference__in=recent).order_by("conference", "pk")[:150]
    mix = listings * 20 + [page.url for page in recent] * 8 + [page.url for page in older] * 2
    mix += [talk.get_url() for talk in talks]
    return mix


def _fill(bench, port, paths, encoding):
    def visit(path):
        try:
            bench.fetch(port, path, encoding)
        except OSError:
            pass  # a loaded machine's timeout: the mix's warm-up visits it again

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(visit, sorted(set(paths))))


WARMING = ("off", "thread", "process")
# What is published: "title", the conference's title, which every row of its programme shows (the related
# presentations' index is built again); "description", its search description, which leaves the
# programme alone, as most edits do (a notice, a page's text, a website's buttons).
EDITS = ("title", "description")


def _edit(conference, edit):
    stamp = f"(edited {time.monotonic():.0f})"
    if edit == "title":
        conference.title = f"{conference.title.split(' (edited')[0]} {stamp}"
    else:
        conference.search_description = f"{conference.search_description.split(' (edited')[0]} {stamp}".strip()


def one_minute(bench, args, servers, workdir, through, conference, warming_by, script, distinct):
    """The minute's p50 and p99 after a fill that leaves every page cached and counted.

    warming_by "off": no warming; "thread": the publishing process (this benchmark's) warms in a thread;
    "process": a `warm_page_cache --follow` process of its own, at its default lower priority, does.
    """
    from django.test import override_settings

    from pagecache import generation, tally, warming

    port = bench.PORTS["front" if through == "nginx" else "cached"]
    warmer = _start_warmer(bench, args, workdir) if warming_by == "process" else None
    try:
        generation.bump()
        tally.tally().clear()
        # The mix at its steady rate first: every page cached and visited about as often as it will be.
        _fill(bench, port, distinct, args.accept_encoding)
        warmup = wrk_with_script(bench, port, script, 10, args.connections, args.accept_encoding)
        run_wrk(bench, warmup, 60)
        bench.wait_until_idle(servers["cached"])
        passes = warming.warmer.passes
        warmer_lines = len(_warmer_passes(warmer))
        command = wrk_with_script(bench, port, script, args.publish_minute, args.connections, args.accept_encoding)
        running = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        time.sleep(args.publish_at)
        with override_settings(PAGE_CACHE_WARM_PAGES=args.warm_pages if warming_by == "thread" else 0):
            _edit(conference, args.publish_edit)
            started = time.perf_counter()
            conference.save_revision().publish()
            publish_ms = (time.perf_counter() - started) * 1000
            output, _ = running.communicate(timeout=args.publish_minute + 60)
            _wait_until_idle(warming)
        result = bench.parse_wrk(output)
        result["pass"] = ""
        if warming_by == "thread" and warming.warmer.last:
            result["pass"] = f"{warming.warmer.passes - passes} passes, the last: {warming.warmer.last.summary()}"
        if warmer is not None:
            lines = _warmer_passes(warmer)[warmer_lines:]
            last = lines[-1].removeprefix("Page cache warmed: ").removesuffix(".") if lines else "none"
            result["pass"] = f"{len(lines)} passes, the last: {last}"
    finally:
        if warmer is not None:
            warmer.terminate()
            warmer.wait(timeout=30)
    for line in output.splitlines():
        if line.startswith("renders seen:"):
            result["renders"] = int(line.split(":")[1])
    result["publish_ms"] = publish_ms
    return result


def _start_warmer(bench, args, workdir):
    log = workdir / f"warmer-{time.monotonic_ns()}.log"
    env = {**os.environ, "PAGE_CACHE_WARMER": "process", "PAGE_CACHE_WARM_PAGES": str(args.warm_pages)}
    command = [str(bench.VENV_BIN / "python"), "manage.py", "warm_page_cache", "--follow"]
    process = subprocess.Popen(command, cwd=bench.REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    process.log = log
    deadline = time.monotonic() + 60
    while not _warmer_passes(process) and time.monotonic() < deadline:  # its pass at start
        if process.poll() is not None:
            raise SystemExit(f"the warmer process exited: {log.read_text()}")
        time.sleep(0.1)
    return process


def _warmer_passes(process):
    if process is None:
        return []
    return [line for line in process.log.read_text().splitlines() if line.startswith("Page cache warmed:")]


def _wait_until_idle(warming, deadline=60):
    stop = time.monotonic() + deadline
    while not warming.warmer.idle() and time.monotonic() < stop:
        time.sleep(0.1)


def publish_minute_rows(bench, args, servers, workdir, conference, use_redis):
    mix = visitor_mix()
    distinct = sorted(set(mix))
    delay_ms = max(1, round(args.connections * 1000 / args.publish_rate))
    script = write_script(workdir, "visitor-mix.lua", mix_script(mix, delay_ms))
    print(
        f"\nthe first minute after a publish: {args.publish_minute} s of a mix of {len(distinct)} pages "
        f"({len(mix)} weighted), {args.connections} connections each pausing about {delay_ms} ms "
        f"(about {args.publish_rate} req/s offered), a conference {args.publish_edit} published at "
        f"{args.publish_at} s; warming: at most {args.warm_pages} pages"
    )
    if not use_redis:
        print(
            "  (no Redis: the tally of visits is per process, so the publishing process knows none and warms nothing)"
        )
    header = (
        f"  {'through':8} {'warming':8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'renders':>8}  pass"
    )
    print(header)
    # In turn, and the other way round in the next repeat: a machine that grows busier favours none.
    orders = [WARMING if repeat % 2 == 0 else WARMING[::-1] for repeat in range(args.publish_repeats)]
    for through in ("app", "nginx"):
        for warming_by in [choice for order in orders for choice in order]:
            result = one_minute(bench, args, servers, workdir, through, conference, warming_by, script, distinct)
            renders = str(result.get("renders", "")) if through == "app" else "n/a"
            errors = f"  ({result['errors']} errors)" if result["errors"] else ""
            print(
                f"  {through:8} {warming_by:8} {result['rps']:>7.0f} {result['p50']:>8.2f} "
                f"{result['p99']:>8.2f} {result.get('max', float('nan')):>8.1f} {renders:>8}  "
                f"{result['pass']}{errors}  (load average {_load()})",
                flush=True,
            )
    print("  target: p50 and p99 of the minute with warming at or below the same with it off (same run)")
