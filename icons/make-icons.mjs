/**
 * Draws LiqGuard's toolbar and store icons (16/32/48/128 px PNG) from geometry: a shield on a dark rounded
 * square with a red liquidation line through it. No copied art; run `node icons/make-icons.mjs` to redraw.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {crc32, deflateSync} from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SAMPLES = 4; // supersampling per axis, for smooth edges

/** Colour of the point (x, y) in unit coordinates (0..1), or undefined for transparent. */
function paint(x, y) {
	const radius = 0.2;
	const dx = Math.max(radius - x, 0, x - (1 - radius));
	const dy = Math.max(radius - y, 0, y - (1 - radius));
	if (dx * dx + dy * dy > radius * radius) return undefined;
	const inShield =
		y > 0.16 && y < 0.86 && Math.abs(x - 0.5) < (y < 0.55 ? 0.3 : 0.3 * (1 - (y - 0.55) / 0.31));
	if (inShield && Math.abs(y - 0.5) < 0.06) return [239, 68, 68]; // liquidation line
	if (inShield) return [245, 181, 40]; // shield
	return [17, 24, 39]; // background
}

function png(size) {
	const rows = [];
	for (let py = 0; py < size; py++) {
		const row = Buffer.alloc(1 + size * 4);
		for (let px = 0; px < size; px++) {
			let r = 0, g = 0, b = 0, a = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const colour = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
					if (!colour) continue;
					r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
				}
			}
			const offset = 1 + px * 4;
			if (a > 0) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / SAMPLES ** 2)], offset);
		}
		rows.push(row);
	}
	const chunk = (type, data) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

const outDir = new URL('./', import.meta.url);
mkdirSync(outDir, {recursive: true});
for (const size of SIZES) writeFileSync(new URL(`${size}.png`, outDir), png(size));
console.log(`icons: wrote ${SIZES.join(', ')} px`);
