// A compound file ([MS-CFB] version 3) holding empty streams of the given names: the directory
// is what tells an encrypted workbook (EncryptionInfo, EncryptedPackage) from an old .xls
// (Workbook), as Excel writes them.
const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;

export function compoundFile(streams: string[]): Buffer {
  const entries = ["Root Entry", ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = Buffer.alloc(SECTOR * (2 + dirSectors));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 24); // minor version
  out.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  out.writeUInt16LE(0xfffe, 28); // little-endian
  out.writeUInt16LE(9, 30); // sector shift
  out.writeUInt16LE(6, 32); // mini sector shift
  out.writeUInt32LE(1, 44); // one FAT sector
  out.writeUInt32LE(1, 48); // the directory starts at sector 1
  out.writeUInt32LE(0x1000, 56); // mini stream cutoff
  out.writeUInt32LE(END, 60); // no mini FAT
  out.writeUInt32LE(END, 68); // no DIFAT sectors
  out.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) out.writeUInt32LE(FREE, 76 + 4 * i);
  // The FAT: sector 0 is the FAT itself, then the directory's chain.
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) out.writeUInt32LE(FREE, fat + 4 * i);
  out.writeUInt32LE(0xfffffffd, fat);
  for (let d = 0; d < dirSectors; d++) out.writeUInt32LE(d === dirSectors - 1 ? END : 2 + d, fat + 4 * (1 + d));
  entries.forEach((name, i) => {
    const e = SECTOR * 2 + 128 * i;
    out.write(name, e, "utf16le");
    out.writeUInt16LE(2 * (name.length + 1), e + 64);
    out[e + 66] = i === 0 ? 5 : 2; // root storage, or a stream
    out[e + 67] = 1; // black
    out.writeUInt32LE(FREE, e + 68); // left sibling
    out.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : FREE, e + 72); // right sibling
    out.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, e + 76); // child
    out.writeUInt32LE(END, e + 116); // no sectors: an empty stream
  });
  for (let i = entries.length; i < dirSectors * 4; i++) {
    const e = SECTOR * 2 + 128 * i;
    out.writeUInt32LE(FREE, e + 68);
    out.writeUInt32LE(FREE, e + 72);
    out.writeUInt32LE(FREE, e + 76);
  }
  return out;
}
