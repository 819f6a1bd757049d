/**
 * Store-ready zips: a release build (no demo page, closed shadow root, minified) of both variants, zipped into
 * out/liqguard-<browser>-<version>.zip. The zip writer is a few lines over node:zlib, so a fresh machine needs
 * no `zip` binary.
 */
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {crc32, deflateRawSync} from 'node:zlib';
import {build, sizeReport} from '../build.mjs';

function filesUnder(dir) {
	return readdirSync(dir, {withFileTypes: true})
		.flatMap(entry => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
		.filter(path => !path.endsWith('.map'))
		.sort();
}

/** ZIP (APPNOTE 6.3.10) with deflated entries and a fixed 1980-01-01 timestamp, so builds are reproducible. */
export function zipDirectory(dir) {
	const locals = [];
	const centrals = [];
	let offset = 0;
	for (const path of filesUnder(dir)) {
		const name = Buffer.from(relative(dir, path).split(sep).join('/'));
		const data = readFileSync(path);
		const packed = deflateRawSync(data, {level: 9});
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt16LE(0, 10);
		local.writeUInt16LE(0x21, 12); // 1980-01-01
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(name.length, 26);
		locals.push(local, name, packed);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(8, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(packed.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += local.length + name.length + packed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(centrals.length / 2, 8);
	end.writeUInt16LE(centrals.length / 2, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const {dirs} = await build({release: true});
const outDir = new URL('../out/', import.meta.url);
mkdirSync(outDir, {recursive: true});
for (const [browser, dir] of Object.entries(dirs)) {
	const zip = new URL(`liqguard-${browser}-${version}.zip`, outDir);
	writeFileSync(zip, zipDirectory(dir));
	console.log(`package: ${zip.pathname} (${(statSync(zip).size / 1024).toFixed(1)} KB)`);
}
console.log(sizeReport(dirs.chrome));
