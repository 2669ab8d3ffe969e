#!/usr/bin/env python3
"""Loads a tc classifier that pushes VLAN tags onto every egress frame and pins it.

usage: vlan-push-classifier.py PIN_PATH PROTO:TCI [PROTO:TCI ...]   (innermost tag first, e.g. 0x8100:0x1064)
The program is raw eBPF: for each tag, r1 = skb; r2 = htons(proto); r3 = tci; call
bpf_skb_vlan_push; then return TC_ACT_OK.
"""
import ctypes, struct, sys, os
libc = ctypes.CDLL(None, use_errno=True)
SYS_BPF, BPF_PROG_LOAD, BPF_OBJ_PIN, SCHED_CLS = 321, 5, 6, 3
def insn(op, dst=0, src=0, off=0, imm=0):
    return struct.pack('<BBhi', op, (src << 4) | dst, off, imm)
MOV64_X, MOV64_K, CALL, EXIT, VLAN_PUSH = 0xbf, 0xb7, 0x85, 0x95, 18
prog = insn(MOV64_X, 6, 1)
for spec in sys.argv[2:]:
    proto, tci = (int(x, 0) for x in spec.split(':'))
    be_proto = struct.unpack('<H', struct.pack('>H', proto))[0]
    prog += insn(MOV64_X, 1, 6) + insn(MOV64_K, 2, imm=be_proto) + insn(MOV64_K, 3, imm=tci) + insn(CALL, imm=VLAN_PUSH)
prog += insn(MOV64_K, 0, imm=0) + insn(EXIT)
code = ctypes.create_string_buffer(prog, len(prog)); lic = ctypes.create_string_buffer(b'GPL')
log = ctypes.create_string_buffer(65536)
attr = ctypes.create_string_buffer(struct.pack('<IIQQIIQ', SCHED_CLS, len(prog) // 8, ctypes.addressof(code),
        ctypes.addressof(lic), 1, len(log), ctypes.addressof(log)).ljust(128, b'\0'), 128)
fd = libc.syscall(SYS_BPF, BPF_PROG_LOAD, attr, 128)
if fd < 0: sys.exit('BPF_PROG_LOAD: %s\n%s' % (os.strerror(ctypes.get_errno()), log.value.decode()))
path = ctypes.create_string_buffer(sys.argv[1].encode())
pin = ctypes.create_string_buffer(struct.pack('<QI', ctypes.addressof(path), fd).ljust(128, b'\0'), 128)
if libc.syscall(SYS_BPF, BPF_OBJ_PIN, pin, 128) < 0: sys.exit('BPF_OBJ_PIN: ' + os.strerror(ctypes.get_errno()))
