"""The load test's requests sent by wrk (https://github.com/wg/wrk, Debian's package `wrk`).

The server and the load share the machine's cores. bench/load.py's own client is Python threads:
on 2 cores it spends a fifth of a core or more of the machine on sending requests and reading
answers, CPU a real server never gives to its users' browsers. wrk is written in C and sends the
same requests for a small part of that, so what the run measures is nearer the server alone.

The requests are the same targets, in the same mix: a Lua script made for each run holds every
request (method, path, cookie, body) and picks one by the mix's weights for each request.
Answers other than 200 and failed connections are counted as errors.
"""

import os
import shutil
import subprocess
from pathlib import Path


def available() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def _request_lua(target, port: int) -> str:
    headers = {
        "Cookie": target.cookie,
        "X-Forwarded-Proto": "https",  # as the TLS-terminating proxy says
        "X-Forwarded-For": "127.0.0.1",
    }
    method, body = "GET", "nil"
    if target.body is not None:
        method, body = "POST", _lua_string(target.body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"https://127.0.0.1:{port}"
    fields = ", ".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in headers.items())
    return f"{{{_lua_string(method)}, {_lua_string(target.path)}, {{{fields}}}, {body}}}"


SCRIPT = """
local kinds = {%(kinds)s}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(2026 + id)
  made = {}
  for i, kind in ipairs(kinds) do
    made[i] = {weight = kind.weight, requests = {}}
    for j, r in ipairs(kind.requests) do
      made[i].requests[j] = wrk.format(r[1], r[2], r[3], r[4])
    end
  end
  total = 0
  for _, kind in ipairs(made) do total = total + kind.weight end
  errors = 0
end

function request()
  local pick = math.random() * total
  for _, kind in ipairs(made) do
    if pick < kind.weight then return kind.requests[math.random(#kind.requests)] end
    pick = pick - kind.weight
  end
  local last = made[#made].requests
  return last[math.random(#last)]
end

function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("errors") end
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    wrong, failed))
end
"""


def script(weighted: list[tuple[int, list]], port: int) -> str:
    """The Lua script for `weighted`: (weight, targets) for each kind of request."""
    kinds = []
    for weight, targets in weighted:
        builders = ",\n    ".join(_request_lua(t, port) for t in targets)
        kinds.append(f"{{weight = {weight}, requests = {{\n    {builders}\n  }}}}")
    return SCRIPT % {"kinds": ",\n  ".join(kinds)}


def run(port: int, weighted: list[tuple[int, list]], clients: int, seconds: float, path: Path):
    """wrk with `clients` connections for `seconds`, in one thread; the figures as load.run
    gives them (milliseconds), without the medians by kind (wrk times all requests together)."""
    path.write_text(script([(w, t) for w, t in weighted if w and t], port))
    out = subprocess.run(  # noqa: S603 (wrk, fixed arguments, loopback only)
        [
            shutil.which("wrk"),
            "--threads",
            "1",
            "--connections",
            str(clients),
            "--duration",
            f"{max(1, round(seconds))}s",
            "--timeout",
            "30s",
            "--script",
            str(path),
            f"http://127.0.0.1:{port}/",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LANG": "C"},
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p95, p99, wrong, failed = (int(x) for x in line.split()[1:])
    errors = wrong + failed
    return {
        "rps": (requests - wrong) / (duration / 1e6),
        "median": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": errors,
        "n": requests - wrong,
    }
