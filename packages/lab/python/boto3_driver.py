"""The lab's boto3 command client (docs/command-clients.md): one synchronous Invoke of the cell's callee.

    /usr/bin/python3 boto3_driver.py default|config-keepalive|keepidle

- default: boto3's own settings. With AWS_CONFIG_FILE pointing at a file with `tcp_keepalive = true` (the
  lab's boto3-tcp-keepalive client) this is exactly the original fix: botocore then adds SO_KEEPALIVE only.
- config-keepalive: Config(tcp_keepalive=True), the same SO_KEEPALIVE-only option given in code.
- keepidle: Config(tcp_keepalive=True) plus TCP_KEEPIDLE / TCP_KEEPINTVL / TCP_KEEPCNT through
  add_keepidle_options() below (the README's recipe for a Python Lambda).

Retries are off (total_max_attempts=1, like AWS_MAX_ATTEMPTS=1) so a duplicate execution can only come
from the client, and read_timeout is 960 s (the original caller's) so botocore never ends the call before
the lab's deadline: at LAB_TIMEOUT_SECONDS the driver reports "timeout" itself, like a Lambda timing out.
The lab's environment gives the endpoint in LAB_ENDPOINT_URL (botocore 1.29 does not read
AWS_ENDPOINT_URL_LAMBDA, added in 1.31) and the region in AWS_DEFAULT_REGION; AWS_CA_BUNDLE is read by
botocore itself.
"""
import json
import os
import signal
import socket
import sys
import time

import botocore.args
import boto3
from botocore.config import Config

RESULT_KEY = "labDriverResult"
READ_TIMEOUT_SECONDS = 960
STARTED = time.monotonic()


def add_keepidle_options(idle, interval, count):
    """Make every botocore client created afterwards probe an idle connection after `idle` seconds.

    botocore computes its socket options in ClientArgsCreator._compute_socket_options (botocore/args.py):
    TCP_NODELAY, plus SO_KEEPALIVE when tcp_keepalive is set, never TCP_KEEPIDLE (boto/botocore#2916).
    The list goes to URLLib3Session, which builds its urllib3 PoolManager from it in its constructor
    (botocore/httpsession.py), so it must be right before the client exists. Wrapping that one method is
    the least fragile hook: *args/**kwargs survive its signature changes, the options ride botocore's own
    path to every connection (no urllib3 globals, no private attributes of a built client), and it only
    adds to SO_KEEPALIVE, so tcp_keepalive stays the opt-in switch.
    """
    compute = botocore.args.ClientArgsCreator._compute_socket_options

    def with_keepidle(self, *args, **kwargs):
        options = compute(self, *args, **kwargs)
        if (socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1) in options:
            options += [
                (socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, idle),
                (socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, interval),
                (socket.IPPROTO_TCP, socket.TCP_KEEPCNT, count),
            ]
        return options

    botocore.args.ClientArgsCreator._compute_socket_options = with_keepidle


def elapsed_ms():
    return round((time.monotonic() - STARTED) * 1000)


def report(outcome):
    outcome["elapsedMs"] = elapsed_ms()
    sys.stdout.write(json.dumps({RESULT_KEY: outcome}) + "\n")
    sys.stdout.flush()


def on_deadline(_signum, _frame):
    report({"outcome": "timeout"})
    os._exit(0)


def main(mode):
    if mode not in ("default", "config-keepalive", "keepidle"):
        sys.stderr.write(f"boto3_driver: mode {mode!r} must be default, config-keepalive or keepidle\n")
        return 2
    signal.signal(signal.SIGALRM, on_deadline)
    signal.setitimer(signal.ITIMER_REAL, float(os.environ["LAB_TIMEOUT_SECONDS"]))
    if mode == "keepidle":
        add_keepidle_options(
            int(os.environ["LAB_KEEPALIVE_IDLE_SECONDS"]),
            int(os.environ["LAB_KEEPALIVE_INTERVAL_SECONDS"]),
            int(os.environ["LAB_KEEPALIVE_COUNT"]),
        )
    config = Config(
        read_timeout=READ_TIMEOUT_SECONDS,
        retries={"total_max_attempts": 1},
        # None, not False, in default mode: the original fix sets nothing in code, and an explicit False
        # could outrank the config file's tcp_keepalive in a botocore that merges the two differently.
        tcp_keepalive=True if mode in ("config-keepalive", "keepidle") else None,
    )
    client = boto3.client("lambda", endpoint_url=os.environ["LAB_ENDPOINT_URL"], config=config)
    try:
        response = client.invoke(FunctionName=os.environ["CALLEE_FUNCTION_NAME"], Payload=os.environ["LAB_PAYLOAD"])
        payload = json.loads(response["Payload"].read() or b"null")
    except Exception as error:  # the verdict needs what was thrown, whatever it is
        report({"outcome": "error", "error": {"name": type(error).__name__, "message": str(error)}})
        return 1
    if "FunctionError" in response:
        report({"outcome": "error", "error": {"name": "CalleeFunctionError", "message": json.dumps(payload)}})
        return 1
    report({"outcome": "ok", "result": {"calleeResult": payload}})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
