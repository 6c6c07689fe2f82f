// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), byte-at-a-time with a 256-entry table that is
// built on first use. Returns the CRC of buffer[0..len) and writes the CRC of each 4 KiB block to blocks.

const MAX_LEN: i32 = 1 << 21;
const BLOCK: i32 = 4096;

const table = new StaticArray<u32>(256);
const buffer = new StaticArray<u8>(MAX_LEN);
const blocks = new StaticArray<u32>(MAX_LEN / BLOCK);
let tableReady = false;

export function input_ptr(): usize {
  return changetype<usize>(buffer);
}

export function blocks_ptr(): usize {
  return changetype<usize>(blocks);
}

function makeTable(): void {
  for (let n: u32 = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      if (c & 1) c = 0xedb88320 ^ (c >>> 1);
      else c = c >>> 1;
    }
    table[n] = c;
  }
  tableReady = true;
}

function update(crc: u32, byte: u8): u32 {
  return table[(crc ^ <u32>byte) & 0xff] ^ (crc >>> 8);
}

function crcRange(start: i32, end: i32): u32 {
  let crc: u32 = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc = update(crc, buffer[i]);
  }
  return ~crc;
}

export function crc32(len: i32): u32 {
  if (!tableReady) makeTable();
  let nblocks = len / BLOCK;
  for (let b = 0; b < nblocks; b++) {
    blocks[b] = crcRange(b * BLOCK, (b + 1) * BLOCK);
  }
  return crcRange(0, len);
}
