package dev.vigil.watch;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The Linux system calls the inotify backend needs, through JNA. */
interface LinuxInotify extends Library {
  int IN_MODIFY = 0x2;
  int IN_CLOSE_WRITE = 0x8;
  int IN_MOVED_FROM = 0x40;
  int IN_MOVED_TO = 0x80;
  int IN_CREATE = 0x100;
  int IN_DELETE = 0x200;
  int IN_DELETE_SELF = 0x400;
  int IN_MOVE_SELF = 0x800;
  int IN_UNMOUNT = 0x2000;
  int IN_Q_OVERFLOW = 0x4000;
  int IN_IGNORED = 0x8000;
  int IN_ONLYDIR = 0x0100_0000;
  int IN_DONT_FOLLOW = 0x0200_0000;
  int IN_ISDIR = 0x4000_0000;
  int IN_CLOEXEC = 0x8_0000;
  int IN_NONBLOCK = 0x800;

  /**
   * What vigil watches a directory for: finished writes, entries made, removed and moved, and the
   * directory itself removed or moved; directories only.
   */
  int DIRECTORY_EVENTS =
      IN_CLOSE_WRITE
          | IN_CREATE
          | IN_DELETE
          | IN_MOVED_FROM
          | IN_MOVED_TO
          | IN_DELETE_SELF
          | IN_MOVE_SELF
          | IN_ONLYDIR;

  int EFD_CLOEXEC = 0x8_0000;
  int POLLIN = 1;
  int ENOSPC = 28;
  int EMFILE = 24;
  int ENFILE = 23;
  int EINTR = 4;
  int EAGAIN = 11;

  int inotify_init1(int flags) throws LastErrorException;

  int inotify_add_watch(int fd, byte[] path, int mask) throws LastErrorException;

  int inotify_rm_watch(int fd, int wd) throws LastErrorException;

  int eventfd(int initval, int flags) throws LastErrorException;

  int poll(int[] fds, long nfds, int timeout) throws LastErrorException;

  long read(int fd, byte[] buffer, long count) throws LastErrorException;

  long write(int fd, byte[] buffer, long count) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  /** The C library, or an exception where it cannot be loaded (not Linux, no JNA native). */
  static LinuxInotify load() {
    return Native.load("c", LinuxInotify.class);
  }
}
