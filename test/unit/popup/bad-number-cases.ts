/** Bad number input and the reason the popup's fields give for it (src/ui/components/parse-input.ts's words). */
export const BAD_NUMBER_CASES: readonly (readonly [what: string, text: string, reason: string])[] = [
	['garbage', 'abc', 'Enter a number like 1234.5'],
	['comma decimal', '1.234,5', 'Use . for decimals'],
	['dashes', '--', 'Enter a number like 1234.5'],
	['an exponent', '1e309', 'Enter a number like 1234.5'],
	['zero', '0', 'Must be above 0.'],
	['a negative', '-5', 'Must not be negative.'],
];
