#!/usr/bin/env python3
"""Hostile and careless libraries against a built `replylint`: what each case costs and how it ends.

    scripts/hostile-libraries.py [BINARY] [--only NAME,...] [--timeout SECONDS]

BINARY defaults to .build/debug/replylint. Each case builds its library in a temporary folder (a copy
of the sample library plus the hostile files), runs one command with a time limit and prints one line:
the case, the exit status (or "killed after N s"), the wall time, the peak memory of the process, and
what it printed that matters. Nothing is left behind. Used for the before/after table of issue 14; the
tests (Tests/*/Hostile*Tests.swift) assert the same cases without timings.
"""

import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import atexit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build/debug/replylint")
TIMEOUT = 30.0
SECRET = "aws_secret_access_key = HOSTILE-TEST-SECRET-0123456789"
CREATED = []
atexit.register(lambda: [shutil.rmtree(folder, ignore_errors=True) for folder in CREATED])


def scratch(prefix):
    folder = tempfile.mkdtemp(prefix=prefix)
    CREATED.append(folder)
    return folder


def library(files=None, links=None, sample=True):
    folder = scratch("replylint-hostile-")
    if sample:
        for item in ["replies", "policies", "replylint.yml"]:
            source = os.path.join(ROOT, item)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(folder, item))
    for path, text in (files or {}).items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)
    for path, target in (links or {}).items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        os.symlink(target, full)
    return folder


def cap_memory():
    """A 4 GB address-space cap, so old behaviour fails instead of taking the machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(args, cwd, stdin=None, timeout=None):
    """Runs BINARY with args; returns (status or None when killed, seconds, peak RSS in MB, stdout, stderr)."""
    timeout = timeout or TIMEOUT
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    start = time.monotonic()
    process = subprocess.Popen([BINARY] + args, cwd=cwd, stdout=out, stderr=err,
                               stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               env=dict(os.environ, NO_COLOR="1"), preexec_fn=cap_memory)
    if stdin is not None:
        def feed():
            try:
                process.stdin.write(stdin)
                process.stdin.close()
            except (BrokenPipeError, ValueError, OSError):
                pass
        import threading
        threading.Thread(target=feed, daemon=True).start()
    killed = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            killed = True
            break
        time.sleep(0.02)
    elapsed = time.monotonic() - start
    process.returncode = 0
    out.seek(0)
    err.seek(0)
    code = None if killed else (os.waitstatus_to_exitcode(status))
    return code, elapsed, usage.ru_maxrss / 1024, out.read().decode(errors="replace"), err.read().decode(errors="replace")


def describe(result, note=""):
    code, elapsed, rss, out, err = result
    status = f"killed after {elapsed:.0f} s" if code is None else (f"signal {-code}" if code < 0 else f"exit {code}")
    return f"{status}, {elapsed:.2f} s, {rss:.0f} MB{'; ' + note if note else ''}"


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""


REPLY = """---
title: Hostile case
faq: missed-collection
channels: [x-reply]
locale: en-US
{extra}---
Hi {{{{customer.first_name}}}}, sorry about that. {body}— {{{{agent.full_name}}}}
"""


def reply(body="", extra=""):
    return REPLY.format(body=body, extra=extra)


# MARK: - Cases: each returns a one-line description

def case_symlink_loop():
    folder = library(links={"replies/loop/a": "..", "replies/loop/b": ".."})
    result = run(["lint"], folder)
    return describe(result, first_line(result[4]) if result[0] == 2 else f"{result[3].count('loop/')} lines naming loop/")


def case_symlink_up():
    folder = library(links={"replies/loop/up": ".."})
    result = run(["lint", "--format", "json"], folder)
    try:
        replies = json.loads(result[3])["summary"]["replies"]
    except Exception:
        replies = "?"
    return describe(result, f"{replies} replies linted (the library has 46)")


def case_lint_home():
    folder = library()
    result = run(["lint", os.path.expanduser("~")], folder, timeout=15)
    return describe(result, first_line(result[4]))


def case_lint_usr():
    folder = library()
    result = run(["lint", "/usr"], folder, timeout=15)
    return describe(result, first_line(result[4]))


def case_symlink_credentials():
    secret_folder = scratch("replylint-secret-")
    with open(os.path.join(secret_folder, "credentials"), "w") as handle:
        # A line a rule quotes (XXX is a fill-in marker), as a real secret's line may well be.
        handle.write("[default]\n" + SECRET + " XXX\n")
    folder = library(links={"replies/creds.md": os.path.join(secret_folder, "credentials")})
    result = run(["lint"], folder)
    shown = "SECRET PRINTED" if "HOSTILE-TEST-SECRET" in result[3] + result[4] else "secret not printed"
    server = Server(folder)
    served = "?"
    if server.address:
        status, body = server.get("/v1/replies/creds")
        served = f"GET /v1/replies/creds: {status}" + (", SECRET SERVED" if "HOSTILE-TEST-SECRET" in json.dumps(body) else "")
        server.stop()
    return describe(result, f"lint: {shown}; {served}")


def case_fix_through_link():
    outside = scratch("replylint-outside-")
    target = os.path.join(outside, "reply.md")
    with open(target, "w") as handle:
        handle.write(reply("We are on it!! "))
    folder = library(links={"replies/outside.md": target})
    before = open(target).read()
    result = run(["lint", "--fix"], folder)
    changed = open(target).read() != before
    return describe(result, "WROTE the file outside the library" if changed else "file outside untouched")


def case_dangling_link():
    folder = library(links={"replies/gone.md": "/nonexistent/reply.md"})
    result = run(["lint"], folder)
    return describe(result, "reported" if "gone.md" in result[3] else "skipped in silence")


def case_placeholder_max_huge():
    folder = library(files={"replies/huge.md": reply(extra="placeholders:\n  customer.first_name: {max: 9223372036854775807}\n")})
    result = run(["lint"], folder)
    return describe(result, first_line([l for l in result[3].splitlines() if "huge" in l or "max" in l][:1] and [l for l in result[3].splitlines() if "huge" in l][0] or result[4]))


def case_placeholder_max_billion():
    folder = library(files={"replies/big.md": reply(extra="placeholders:\n  customer.first_name: {max: 1000000000}\n")})
    result = run(["lint"], folder, timeout=90)
    return describe(result, first_line([l for l in result[3].splitlines() if "big.md" in l][:1] and [l for l in result[3].splitlines() if "big.md" in l][0] or ""))


def fan_out_partials(count=18, fan=3):
    files = {}
    for index in range(count):
        inner = "" if index == count - 1 else ("{{> p%d}}" % (index + 1)) * fan
        files["replies/_partials/p%d.mustache" % index] = "x" + inner
    files["replies/fan.md"] = reply("{{> p0}} ")
    return files


def case_partial_fan_out():
    folder = library(files=fan_out_partials())
    result = run(["lint"], folder)
    return describe(result, first_line([l for l in result[3].splitlines() if "fan.md" in l][:1] and [l for l in result[3].splitlines() if "fan.md" in l][0] or ""))


def case_partial_recursive():
    folder = library(files={
        "replies/_partials/a.mustache": "a {{> b}}",
        "replies/_partials/b.mustache": "b {{> a}}",
        "replies/rec.md": reply("{{> a}} "),
    })
    result = run(["lint", "replies/rec.md"], folder)
    render = run(["render", "rec", "--channel", "x-reply", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jo Reyes"], folder)
    return describe(result, f"render: exit {render[0]}: {first_line(render[4])}")


def case_yaml_anchors():
    big = "x" * 1_000_000
    items = "\n".join(f"  - {{id: r{index}, faq: missed-collection, channels: [x-dm], body: *big}}" for index in range(200))
    text = f"anchors:\n  - &big \"{big}\"\nreplies:\n{items}\n"
    folder = library(files={"replies/bomb.yml": text})
    result = run(["lint"], folder, timeout=120)
    return describe(result, first_line([l for l in result[3].splitlines() if "bomb" in l][:1] and [l for l in result[3].splitlines() if "bomb" in l][0] or ""))


def case_huge_file():
    folder = library()
    with open(os.path.join(folder, "replies/huge.md"), "wb") as handle:
        handle.truncate(10 * 1024 * 1024 * 1024)  # sparse: 10 GB that takes no disk
    result = run(["lint"], folder, timeout=60)
    return describe(result, first_line([l for l in result[3].splitlines() if "huge" in l][:1] and [l for l in result[3].splitlines() if "huge" in l][0] or result[4]))


def case_fifo():
    folder = library()
    os.mkfifo(os.path.join(folder, "replies/pipe.md"))
    result = run(["lint"], folder, timeout=10)
    return describe(result, first_line([l for l in result[3].splitlines() if "pipe" in l][:1] and [l for l in result[3].splitlines() if "pipe" in l][0] or ""))


def case_missing_replies():
    folder = library()
    shutil.rmtree(os.path.join(folder, "replies"))
    result = run(["lint"], folder)
    return describe(result, first_line(result[3]) if result[0] == 0 else first_line(result[4]))


def case_paths_typo():
    folder = library()
    with open(os.path.join(folder, "replylint.yml"), "a") as handle:
        handle.write("paths: {replies: replys}\n")
    result = run(["lint"], folder)
    return describe(result, first_line(result[3]) if result[0] == 0 else first_line(result[4]))


def case_output_over_reply():
    folder = library()
    path = "replies/waste/bulky-items.md"
    before = open(os.path.join(folder, path)).read()
    result = run(["lint", "--output", path], folder)
    after = open(os.path.join(folder, path)).read()
    return describe(result, "OVERWROTE the reply" if after != before else first_line(result[4]))


def case_baseline_over_config():
    folder = library()
    before = open(os.path.join(folder, "replylint.yml")).read()
    result = run(["lint", "--write-baseline", "replylint.yml"], folder)
    after = open(os.path.join(folder, "replylint.yml")).read()
    return describe(result, "OVERWROTE replylint.yml" if after != before else first_line(result[4]))


def render_with_vars(values):
    folder = library()
    with open(os.path.join(folder, "vars.json"), "w") as handle:
        json.dump(values, handle)
    return run(["render", "waste/bulky-items", "--channel", "x-reply", "--vars", "vars.json"], folder)


def case_vars_object():
    result = render_with_vars({"customer.first_name": "Ana", "agent.full_name": {}})
    return describe(result, repr(result[3].strip()[-40:]) if result[0] == 0 else first_line(result[4]))


def case_vars_false():
    result = render_with_vars({"customer.first_name": False, "agent.full_name": "Jordan Reyes"})
    return describe(result, repr(result[3].strip()[:30]) if result[0] == 0 else first_line(result[4]))


def case_empty_account():
    folder = library()
    text = open(os.path.join(folder, "replylint.yml")).read().replace('x: "1490000000000000000"', 'x: ""')
    with open(os.path.join(folder, "replylint.yml"), "w") as handle:
        handle.write(text)
    result = run(["render", "waste/missed-collection-public", "--channel", "x-reply", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jordan Reyes"], folder)
    link = [word for word in result[3].split() if "recipient_id" in word]
    return describe(result, f"link {link[0]!r}" if link else first_line(result[4]))


def case_team_braces():
    folder = library()
    text = open(os.path.join(folder, "replylint.yml")).read().replace("name: Riverton City Services", 'name: "Riverton {{ City"')
    with open(os.path.join(folder, "replylint.yml"), "w") as handle:
        handle.write(text)
    lint = run(["lint"], folder)
    render = run(["render", "waste/missed-collection-dm", "--channel", "x-dm", "--var", "customer.address=1 Elm St", "--var", "pickup.date=Friday", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jordan Reyes"], folder)
    return describe(lint, f"render exit {render[0]}: {first_line(render[4])[:90]}")


def case_negative_option():
    folder = library()
    with open(os.path.join(folder, "replylint.yml"), "a") as handle:
        handle.write("  tone-readability: {min-words: -5}\n")
    result = run(["lint"], folder)
    return describe(result, first_line(result[4]) if result[0] == 2 else "accepted")


# MARK: - serve

class Server:
    def __init__(self, folder, extra=()):
        self.folder = folder
        self.err = open(os.path.join(folder, "serve.err"), "w+")
        self.process = subprocess.Popen([BINARY, "serve", "--port", "0", "--reload-interval", "0.2", "--log-level", "warning", *extra],
                                        cwd=folder, stdout=subprocess.DEVNULL, stderr=self.err, stdin=subprocess.DEVNULL,
                                        preexec_fn=cap_memory)
        self.address = None
        for _ in range(300):
            self.err.seek(0)
            text = self.err.read()
            if "serving" in text:
                self.address = text.split(" on ")[1].split()[0]
                break
            if self.process.poll() is not None:
                break
            time.sleep(0.05)

    def rss(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
            return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
        except FileNotFoundError:
            return 0, 0

    def get(self, path, timeout=5):
        try:
            with urllib.request.urlopen(self.address + path, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def post(self, path, body: bytes, timeout=10):
        request = urllib.request.Request(self.address + path, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self, wait=15):
        start = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(wait)
            return f"stopped {time.monotonic() - start:.1f} s after SIGTERM"
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return f"SIGTERM IGNORED for {wait} s, killed"


def case_serve_body_no_expect():
    server = Server(library())
    if not server.address:
        return "did not start"
    host, port = server.address.split("//")[1].split(":")
    start = time.monotonic()
    note = ""
    try:
        status, _ = server.post("/v1/replies/waste/bulky-items/render", b"{" + b" " * (10 * 1024 * 1024) + b"}", timeout=20)
        note = f"HTTP {status}"
    except Exception as error:  # a reset after the 413 is an answer too; a timeout is the bug
        note = f"{type(error).__name__}: {error}"[:80]
    elapsed = time.monotonic() - start
    server.stop()
    return f"{elapsed:.2f} s; {note}"


def case_serve_newline_value():
    server = Server(library())
    body = json.dumps({"channel": "x-reply", "vars": {"customer.first_name": "Ana\nVisit evil.example for a refund", "agent.full_name": "Jordan Reyes"}}).encode()
    status, answer = server.post("/v1/replies/waste/bulky-items/render", body)
    server.stop()
    return f"HTTP {status} {answer[:150].decode(errors='replace')}"


def hostile_changes():
    """(name, function applying the change to a library folder) in the order serve is given them."""
    def write(folder, path, text):
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)

    def loop(folder):
        os.makedirs(os.path.join(folder, "replies/loop"), exist_ok=True)
        os.symlink("..", os.path.join(folder, "replies/loop/a"))
        os.symlink("..", os.path.join(folder, "replies/loop/b"))

    def huge_max(folder):
        write(folder, "replies/huge.md", reply(extra="placeholders:\n  customer.first_name: {max: 9223372036854775807}\n"))

    def fan(folder):
        for path, text in fan_out_partials().items():
            write(folder, path, text)

    def anchors(folder):
        big = "x" * 1_000_000
        items = "\n".join(f"  - {{id: r{index}, faq: missed-collection, channels: [x-dm], body: *big}}" for index in range(200))
        write(folder, "replies/bomb.yml", f"anchors:\n  - &big \"{big}\"\nreplies:\n{items}\n")

    def huge_file(folder):
        with open(os.path.join(folder, "replies/huge-file.md"), "wb") as handle:
            handle.truncate(10 * 1024 * 1024 * 1024)

    def missing(folder):
        shutil.move(os.path.join(folder, "replies"), os.path.join(folder, "replies-moved"))

    def bad_config(folder):
        with open(os.path.join(folder, "replylint.yml"), "a") as handle:
            handle.write("limits: [\n")

    def undo(folder):
        for path in ["replies/loop", "replies/huge.md", "replies/fan.md", "replies/bomb.yml", "replies/huge-file.md"]:
            full = os.path.join(folder, path)
            if os.path.islink(full) or os.path.isfile(full):
                os.remove(full)
            elif os.path.isdir(full):
                shutil.rmtree(full)
        partials = os.path.join(folder, "replies/_partials")
        for name in os.listdir(partials) if os.path.isdir(partials) else []:
            if name.startswith("p") and name[1:].split(".")[0].isdigit():
                os.remove(os.path.join(partials, name))
        if os.path.isdir(os.path.join(folder, "replies-moved")):
            shutil.move(os.path.join(folder, "replies-moved"), os.path.join(folder, "replies"))
        shutil.copy(os.path.join(ROOT, "replylint.yml"), os.path.join(folder, "replylint.yml"))

    return [("symlink loop", loop), ("max 2^63-1", huge_max), ("fan-out partials", fan), ("YAML anchors", anchors),
            ("10 GB file", huge_file), ("replies/ gone", missing), ("config broken", bad_config)], undo


def case_serve_reloads():
    folder = library()
    server = Server(folder)
    if not server.address:
        return "did not start"
    changes, undo = hostile_changes()
    lines = []
    generation = server.get("/healthz")[1]["generation"]
    for index, (name, change) in enumerate(changes):
        change(folder)
        start = time.monotonic()
        state = "?"
        while time.monotonic() - start < 20:
            try:
                _, health = server.get("/healthz", timeout=2)
                if health["status"] == "degraded" or health["generation"] != generation:
                    state = health["status"] + (f" ({health['reloadError'][:60]})" if health.get("reloadError") else f", {health['replies']} replies")
                    generation = health["generation"]
                    break
            except Exception as error:
                state = f"no answer ({type(error).__name__})"
                if server.process.poll() is not None:
                    state = f"PROCESS DIED ({server.process.returncode})"
                    break
            time.sleep(0.2)
        else:
            state = f"no reload seen in 20 s: {state}"
        rss, peak = server.rss()
        # The good library comes back.
        undo(folder)
        # A good change: touch a reply so the fingerprint changes.
        with open(os.path.join(folder, "replies/waste/bulky-items.md"), "a") as handle:
            handle.write("\n" * (index + 1))
        back = "?"
        start = time.monotonic()
        while time.monotonic() - start < 20 and server.process.poll() is None:
            try:
                _, health = server.get("/healthz", timeout=2)
                if health["status"] == "ok" and health["generation"] != generation:
                    generation = health["generation"]
                    back = f"ok, {health['replies']} replies"
                    break
            except Exception:
                pass
            time.sleep(0.2)
        else:
            back = "did not come back in 20 s" if server.process.poll() is None else "PROCESS DIED"
        lines.append(f"    {name}: {state}; RSS {rss:.0f} MB (peak {peak:.0f}); next good change: {back}")
        if server.process.poll() is not None:
            break
    # SIGTERM during a runaway reload: the fan-out partials again, stopped mid-reload.
    changes[2][1](folder)
    time.sleep(0.6)
    lines.append("    SIGTERM during a reload: " + server.stop())
    return "\n" + "\n".join(lines)


def case_mcp_long_line():
    folder = library()
    results = []
    for megabytes in [1, 2, 5]:
        text = "x" * (megabytes * 1024 * 1024)
        message = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                              "params": {"name": "lint_text", "arguments": {"text": text}}})
        init = json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "hostile", "version": "1"}}})
        follow = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
        result = run(["mcp"], folder, stdin=(init + "\n" + message + "\n" + follow + "\n").encode(), timeout=30)
        answered = [line for line in result[3].splitlines() if line.strip()]
        results.append(f"{megabytes} MB: {describe(result)}, {len(answered)} answers")
    return "; ".join(results)


CASES = [(name[5:], function) for name, function in globals().items() if name.startswith("case_")]


def main():
    global BINARY, TIMEOUT
    args = sys.argv[1:]
    only = None
    while args:
        arg = args.pop(0)
        if arg == "--only":
            only = set(args.pop(0).split(","))
        elif arg == "--timeout":
            TIMEOUT = float(args.pop(0))
        else:
            BINARY = os.path.abspath(arg)
    print(f"binary: {BINARY}")
    for name, function in CASES:
        if only and name not in only:
            continue
        try:
            line = function()
        except Exception as error:
            line = f"script error: {type(error).__name__}: {error}"
        print(f"{name}: {line}", flush=True)


if __name__ == "__main__":
    main()
