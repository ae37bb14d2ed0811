#!/usr/bin/env python3
"""Writes zip64-archive.zip: a small archive in the layout LibTorch writes (a stored entry and a
deflated one) in the zip64 form that LibTorch's writer uses for files over 4 GiB: sizes and
offsets in zip64 extra fields, and an end record whose counts and offsets say "see the zip64
record". test_archive_check reads it. Usage: make_zip64_archive.py OUT"""
import struct
import sys
import zipfile

zipfile.ZIP64_LIMIT = 16  # every size and offset above this goes into zip64 fields
zipfile.ZIP_FILECOUNT_LIMIT = 1  # and a zip64 end record is written
with zipfile.ZipFile(sys.argv[1], "w") as archive:
    archive.writestr("archive/data/0", bytes(range(256)) * 4, zipfile.ZIP_STORED)
    archive.writestr("archive/code/__torch__.py", "def forward(self):\n    return 1\n" * 20,
                     zipfile.ZIP_DEFLATED)

# Python fills the classic end record with the true values where they fit; a real zip64 file
# has the markers there instead.
with open(sys.argv[1], "r+b") as out:
    data = bytearray(out.read())
    end = len(data) - 22
    assert data[end:end + 4] == b"PK\x05\x06"
    data[end + 8:end + 20] = struct.pack("<HHII", 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    out.seek(0)
    out.write(data)
