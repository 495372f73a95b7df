"""Reads the keepalive options of another process's live TCP socket: SO_KEEPALIVE, TCP_KEEPIDLE,
TCP_KEEPINTVL and TCP_KEEPCNT, with getsockopt on a duplicate of that socket's file descriptor
(pidfd_open + pidfd_getfd, Linux >= 5.6, pidfd_getfd(2); needs ptrace rights over the process).

Node has no getsockopt and ss shows only the timer, so this is how a test sees the probe interval and count.
Run by socket-options.ts with Debian's /usr/bin/python3 (standard library only).

usage: socket-options.py check PID                       exit 0 when PID's descriptors can be duplicated
       socket-options.py read PID LOCALPORT REMOTEPORT   prints one JSON object for the established socket
"""
import ctypes
import json
import os
import socket
import sys

SYS_PIDFD_OPEN = 434  # x86_64 and arm64 share the generic syscall numbers for these two
SYS_PIDFD_GETFD = 438
ESTABLISHED = '01'  # include/net/tcp_states.h, as /proc/net/tcp prints it

libc = ctypes.CDLL(None, use_errno=True)


def fail(message):
    sys.stderr.write(message + '\n')
    sys.exit(1)


def duplicate(pid, fd):
    """A descriptor of ours for PID's descriptor FD."""
    pidfd = libc.syscall(SYS_PIDFD_OPEN, pid, 0)
    if pidfd < 0:
        fail('pidfd_open(%d): %s' % (pid, os.strerror(ctypes.get_errno())))
    try:
        local = libc.syscall(SYS_PIDFD_GETFD, pidfd, fd, 0)
        if local < 0:
            fail('pidfd_getfd(%d, %d): %s' % (pid, fd, os.strerror(ctypes.get_errno())))
        return local
    finally:
        os.close(pidfd)


def socket_inode(pid, local_port, remote_port):
    """The inode of PID's established TCP socket from LOCALPORT to REMOTEPORT (IPv4 or IPv6)."""
    for table in ('tcp', 'tcp6'):
        with open('/proc/%d/net/%s' % (pid, table)) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
                if state != ESTABLISHED:
                    continue
                if int(local.rsplit(':', 1)[1], 16) == local_port and int(remote.rsplit(':', 1)[1], 16) == remote_port:
                    return inode
    fail('process %d has no established TCP socket from port %d to port %d' % (pid, local_port, remote_port))


def descriptor_of(pid, inode):
    target = 'socket:[%s]' % inode
    for name in os.listdir('/proc/%d/fd' % pid):
        try:
            if os.readlink('/proc/%d/fd/%s' % (pid, name)) == target:
                return int(name)
        except OSError:
            continue  # closed while we looked
    fail('process %d holds no descriptor for %s' % (pid, target))


def read(pid, local_port, remote_port):
    local = duplicate(pid, descriptor_of(pid, socket_inode(pid, local_port, remote_port)))
    sock = socket.socket(fileno=local)
    try:
        tcp = lambda option: sock.getsockopt(socket.IPPROTO_TCP, option)
        print(json.dumps({
            'keepAlive': sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0,
            'idleSeconds': tcp(socket.TCP_KEEPIDLE),
            'intervalSeconds': tcp(socket.TCP_KEEPINTVL),
            'count': tcp(socket.TCP_KEEPCNT),
        }))
    finally:
        sock.detach()  # leave the shared socket open: closing our duplicate would not close theirs anyway
        os.close(local)


def main(argv):
    if len(argv) == 3 and argv[1] == 'check':
        pid = int(argv[2])
        os.close(duplicate(pid, min(int(name) for name in os.listdir('/proc/%d/fd' % pid))))
        return
    if len(argv) == 5 and argv[1] == 'read':
        read(int(argv[2]), int(argv[3]), int(argv[4]))
        return
    fail(__doc__)


main(sys.argv)
