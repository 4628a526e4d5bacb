#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""End-to-end test of the desktop app in a real X server (Xvfb): launch `etlab` on a prepared database,
open every view with its keyboard shortcut, export each chart through the File > Export View dialog,
and save screenshots of the whole screen for people to look at.

Usage: test_gui_xvfb.py PATH/TO/etlab FIXTURE_DB SCREENSHOT_DIR   (ctest runs it; needs Xvfb, xdotool, ImageMagick)
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

APP = FIXTURE = SHOTS = None
VIEWS = [("1", "details"), ("2", "curves"), ("3", "attention"), ("4", "spectra"), ("5", "tradeoff")]


class GuiXvfbTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        # Xvfb picks a free display itself and writes its number to the pipe once it accepts clients.
        read_end, write_end = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end) as r:
            number = r.readline().strip()
        if not number:
            self.fail("Xvfb did not start")
        self.display = f":{number}"
        self.env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb",
                        XDG_CONFIG_HOME=os.path.join(self.tmp.name, "config"),
                        XDG_DATA_HOME=os.path.join(self.tmp.name, "data"),
                        XDG_RUNTIME_DIR=os.path.join(self.tmp.name, "runtime"))
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)
        self.app = None

    def tearDown(self):
        if self.app and self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
            try:
                self.app.wait(10)
            except subprocess.TimeoutExpired:
                self.app.kill()
        self.xvfb.terminate()
        self.xvfb.wait(10)
        self.tmp.cleanup()

    def xdo(self, *args, check=True):
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, check=check)

    def window(self, name, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            out = self.xdo("search", "--onlyvisible", "--name", name, check=False).stdout.split()
            if out:
                return out[-1]
            time.sleep(0.2)
        names = [self.xdo("getwindowname", w, check=False).stdout.strip()
                 for w in self.xdo("search", "--onlyvisible", "--name", ".", check=False).stdout.split()]
        self.log.seek(0)
        self.fail(f"no window named {name!r} appeared; visible: {names}; app output: {self.log.read()[-2000:]}")

    def shot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(["import", "-window", "root", os.path.join(SHOTS, name)], env=self.env, check=True)

    def test_every_view_opens_and_exports(self):
        db = os.path.join(self.tmp.name, "runs.db")
        shutil.copy(FIXTURE, db)
        os.chmod(db, 0o600)
        self.log = open(os.path.join(self.tmp.name, "app.log"), "w+")
        self.app = subprocess.Popen([APP, db], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        win = self.window("etlab")
        # On a loaded machine the app may still lay itself out after it appears and undo a first resize:
        # resize until the window has the size the clicks below assume (the status bar at y = 845).
        deadline = time.time() + 20
        while True:
            self.xdo("windowsize", win, "1380", "860")
            self.xdo("windowmove", win, "0", "0")
            time.sleep(0.5)
            geometry = self.xdo("getwindowgeometry", win, check=False).stdout
            if "1380x860" in geometry or time.time() > deadline:
                break
        self.xdo("windowactivate", "--sync", win, check=False)
        time.sleep(1.5)
        # Select every run (the table has focus after opening: Ctrl+A), so curves and spectra overlay them.
        self.xdo("mousemove", "200", "130", "click", "1")
        self.xdo("key", "ctrl+a")
        time.sleep(1.0)
        exported = []
        for key, name in VIEWS:
            if name == "attention":  # one run: the learned-sparse one (second row, newest first)
                self.xdo("mousemove", "200", "138", "click", "1")
            if name == "spectra":  # all runs again, to overlay their spectra
                self.xdo("mousemove", "200", "138", "click", "1")
                self.xdo("key", "ctrl+a")
            self.xdo("mousemove", "600", "845", "click", "1")
            self.xdo("key", f"ctrl+{key}")
            time.sleep(2.0)  # views load off the UI thread
            self.shot(f"xvfb-{name}.png")
            if name == "details":
                continue
            for fmt in ("png", "svg", "pdf", "csv"):
                out = os.path.join(self.tmp.name, f"{name}.{fmt}")
                # No window manager: give the main window the keyboard by clicking its status bar.
                self.xdo("mousemove", "600", "845", "click", "1")
                self.xdo("key", "ctrl+shift+e")
                dialog = self.window("Export view", timeout=15)
                self.xdo("windowactivate", "--sync", dialog, check=False)
                time.sleep(0.5)
                self.xdo("key", "ctrl+a")
                self.xdo("type", "--delay", "5", out)
                self.xdo("key", "Return")
                if fmt == "png":  # the resolution prompt: keep the offered 200 dpi
                    self.window("Export view", timeout=15)
                    time.sleep(0.5)
                    self.xdo("key", "Return")
                for _ in range(100):
                    if os.path.exists(out) and os.path.getsize(out) > 0:
                        break
                    time.sleep(0.1)
                self.assertTrue(os.path.exists(out), f"{out} was not written")
                exported.append(out)
                time.sleep(0.3)
        self.assertIsNone(self.app.poll(), "the app is still running")
        for path in exported:
            with open(path, "rb") as f:
                head = f.read(8)
            if path.endswith(".png"):
                self.assertEqual(head, b"\x89PNG\r\n\x1a\n", path)
            elif path.endswith(".pdf"):
                self.assertTrue(head.startswith(b"%PDF-"), path)
            elif path.endswith(".svg"):
                ET.parse(path)
            else:
                with open(path) as f:
                    self.assertIn(",", f.readline(), path)
        self.assertEqual(len(exported), 16)
        # The database is intact after a session of browsing and exporting.
        with sqlite3.connect(db) as con:
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")


if __name__ == "__main__":
    APP, FIXTURE, SHOTS = (os.path.abspath(a) for a in sys.argv[1:4])
    del sys.argv[1:4]
    unittest.main(verbosity=2)
