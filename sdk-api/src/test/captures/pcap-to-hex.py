#!/usr/bin/env python3
"""Prints frames of classic pcap files (Ethernet link type) as hex: pcap-to-hex.py FILE.pcap:N ..."""
import struct, sys
def frames(path):
    d = open(path, 'rb').read()
    magic = struct.unpack('<I', d[:4])[0]
    assert magic == 0xa1b2c3d4, hex(magic)
    assert struct.unpack('<I', d[20:24])[0] == 1, 'linktype'
    off, out = 24, []
    while off < len(d):
        ts, tu, incl, orig = struct.unpack('<IIII', d[off:off+16]); off += 16
        assert incl == orig
        out.append(d[off:off+incl]); off += incl
    return out
for spec in sys.argv[1:]:
    f, n = spec.rsplit(':', 1)
    fr = frames(f)[int(n) - 1]
    print('%s frame %s (%d bytes)' % (f, n, len(fr)))
    h = fr.hex()
    for i in range(0, len(h), 64): print('  ' + h[i:i+64])
