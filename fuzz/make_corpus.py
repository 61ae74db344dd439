#!/usr/bin/env python3
"""Fills fuzz/corpus/ with the worksheet parts of the reader fixtures (those under 64 KiB), as libFuzzer seeds."""
import glob
import hashlib
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
os.makedirs(OUT, exist_ok=True)
for path in sorted(glob.glob(os.path.join(ROOT, "fixtures", "reader", "*.xlsx"))
                   + glob.glob(os.path.join(ROOT, "fixtures", "hostile", "*.xlsx"))):
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        continue
    for info in archive.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml") and info.file_size < 65536:
            try:
                data = archive.read(info.filename)
            except zipfile.BadZipFile:
                continue
            with open(os.path.join(OUT, hashlib.sha1(data).hexdigest()[:16] + ".xml"), "wb") as handle:
                handle.write(data)
print(len(os.listdir(OUT)), "seeds in", OUT)
