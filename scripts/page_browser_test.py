#!/usr/bin/env python3
"""Drives headless Chromium through `cermat serve`'s page, as a planner would, over the WebDriver HTTP protocol
(no selenium needed): uploads workbooks, waits for the findings table and the download link, filters by severity,
downloads the annotated copy, switches to English, and saves screenshots.

Prints one JSON object with what it saw; the Swift test (Tests/CermatServerTests/BrowserTests.swift) judges it.
Exit status 77 when chromium or chromedriver is missing (the test then skips), 1 on a failure, 0 otherwise.

    python3 scripts/page_browser_test.py --url http://127.0.0.1:8080/ --artifacts DIR [--token T] FILE.xlsx...
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    """The few WebDriver commands this test needs, as plain HTTP calls to chromedriver."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {path}: {error.code} {error.read()[:500]!r}") from None

    def start(self, browser, downloads):
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": browser,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1400,1000", "--lang=id-ID"],
                "prefs": {"download.default_directory": downloads, "download.prompt_for_download": False},
            },
        }}}
        self.session = self.call("POST", "/session", capabilities)["sessionId"]

    def s(self, path):
        return f"/session/{self.session}{path}"

    def go(self, url):
        self.call("POST", self.s("/url"), {"url": url})

    def find(self, css):
        element = self.call("POST", self.s("/element"), {"using": "css selector", "value": css})
        return next(iter(element.values()))

    def send_keys(self, css, text):
        self.call("POST", self.s(f"/element/{self.find(css)}/value"), {"text": text})

    def click(self, css):
        self.call("POST", self.s(f"/element/{self.find(css)}/click"), {})

    def script(self, source, *args):
        return self.call("POST", self.s("/execute/sync"), {"script": source, "args": list(args)})

    def wait(self, source, what, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.script(source)
            if value:
                return value
            time.sleep(0.2)
        raise RuntimeError(f"timed out waiting for {what}; status line: {self.script(STATUS)!r}")

    def screenshot(self, path):
        with open(path, "wb") as out:
            out.write(base64.b64decode(self.call("GET", self.s("/screenshot"))))

    def quit(self):
        if self.session:
            try:
                self.call("DELETE", self.s(""))
            except Exception:
                pass


STATUS = "return document.getElementById('status').textContent"
RESULTS_SHOWN = """
const results = document.getElementById('results');
const rows = document.querySelectorAll('#findings tbody tr').length;
return !results.hidden && (rows > 0 || !document.getElementById('no-findings').hidden) ? rows || -1 : 0;
"""
DOWNLOAD_READY = """
const link = document.getElementById('download');
return !link.hidden && link.href.startsWith('blob:') ? {href: link.href, name: link.download, text: link.textContent} : null;
"""
TABLE = """
return {
  rows: [...document.querySelectorAll('#findings tbody tr')].map(row => [...row.cells].map(cell => cell.textContent)),
  counts: ['error', 'warning', 'info'].map(s => Number(document.getElementById('count-' + s).textContent)),
  shown: document.getElementById('shown').textContent,
  heading: document.querySelector('#findings thead th:nth-child(6)').textContent,
  lang: document.documentElement.lang,
};
"""
CHOOSE_SEVERITY = """
const select = document.getElementById('filter-severity');
select.value = arguments[0];
select.dispatchEvent(new Event('change'));
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--token")
    parser.add_argument("files", nargs="+")
    options = parser.parse_args()

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_binary = shutil.which("chromedriver")
    if not browser or not driver_binary:
        print("SKIP: chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
        return 77

    os.makedirs(options.artifacts, exist_ok=True)
    downloads = os.path.join(options.artifacts, "downloads")
    shutil.rmtree(downloads, ignore_errors=True)
    os.makedirs(downloads)
    port = free_port()
    service = subprocess.Popen([driver_binary, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = WebDriver(port)
    seen = {}
    try:
        deadline = time.time() + 30
        while True:
            try:
                driver.call("GET", "/status")
                break
            except Exception:
                if time.time() > deadline:
                    raise RuntimeError("chromedriver did not start")
                time.sleep(0.2)
        driver.start(browser, downloads)
        driver.go(options.url)
        seen["title"] = driver.script("return document.title")
        driver.send_keys("#files", "\n".join(os.path.abspath(f) for f in options.files))

        if options.token:
            # The page asks for the token once, then checks again on its own.
            driver.wait("return !document.getElementById('token-panel').hidden", "the token form")
            seen["askedForToken"] = True
            driver.send_keys("#token-input", options.token)
            driver.click("#token-form button[type=submit]")

        driver.wait(RESULTS_SHOWN, "the findings table")
        seen["download"] = driver.wait(DOWNLOAD_READY, "the download link")
        seen["table"] = driver.script(TABLE)
        seen["status"] = driver.script(STATUS)
        driver.screenshot(os.path.join(options.artifacts, "page.png"))

        driver.script(CHOOSE_SEVERITY, "error")
        seen["errorsOnly"] = driver.script(TABLE)
        driver.screenshot(os.path.join(options.artifacts, "page-errors.png"))
        driver.script(CHOOSE_SEVERITY, "")

        # The download itself: clicking the link saves the annotated copy.
        driver.click("#download")
        target = os.path.join(downloads, seen["download"]["name"])
        deadline = time.time() + 30
        while not os.path.exists(target) and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)
        seen["downloaded"] = target if os.path.exists(target) else None

        # English: the page's words switch at once; the messages come back from the server in English.
        driver.click("#language")
        driver.wait("return document.documentElement.lang === 'en' && "
                    "document.querySelector('#findings thead th:nth-child(6)').textContent === 'Message' && "
                    "!document.getElementById('results').hidden && "
                    "!document.getElementById('download').hidden", "the English page")
        seen["english"] = driver.script(TABLE)
        driver.screenshot(os.path.join(options.artifacts, "page-en.png"))
        seen["ok"] = True
    except Exception as error:  # report what was seen so far, and the failure
        seen["ok"] = False
        seen["failure"] = str(error)
        try:
            driver.screenshot(os.path.join(options.artifacts, "failure.png"))
        except Exception:
            pass
    finally:
        driver.quit()
        service.terminate()
        try:
            service.wait(timeout=10)
        except subprocess.TimeoutExpired:
            service.kill()
    print(json.dumps(seen, ensure_ascii=False))
    return 0 if seen["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
