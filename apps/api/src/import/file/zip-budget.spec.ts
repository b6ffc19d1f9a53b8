import { deflateRawSync } from 'node:zlib';
import { checkZipBudget } from './zip-budget';

/** One deflated entry in a minimal zip archive; `declared` is what the headers claim. */
function zipWith(content: Buffer, declared = content.length): Buffer {
  const data = deflateRawSync(content);
  const name = Buffer.from('x.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('checkZipBudget: an .xlsx is unpacked within a hard ceiling before it is parsed', () => {
  it('passes an archive within the budget', () => {
    expect(() => checkZipBudget(zipWith(Buffer.alloc(10_000, 0x61)), 20_000)).not.toThrow();
  });

  it('stops a zip bomb at the budget, whatever its headers declare', () => {
    expect(() => checkZipBudget(zipWith(Buffer.alloc(50_000), 100), 20_000)).toThrow(expect.objectContaining({ status: 413, code: 'import.xlsx-unpacked-too-large' }));
  });

  it('refuses a truncated archive', () => {
    const zip = zipWith(Buffer.alloc(10_000, 0x61));
    expect(() => checkZipBudget(zip.subarray(0, zip.length - 30), 20_000)).toThrow(expect.objectContaining({ status: 422, code: 'import.xlsx-broken' }));
  });
});
