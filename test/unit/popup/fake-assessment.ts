/**
 * A fixed engine answer, so popup tests check the wiring (what goes into `assess`, what is shown from its
 * figures) independently of the engine's math, which has its own tests.
 */
import type {AssessInput, Assessment, Result} from '../../../src/core/types.js';

export const FIXED_ASSESSMENT: Assessment = {
	figures: {
		venue: 'binance-usdm',
		side: 'long',
		marginMode: 'isolated',
		quantity: '0.5',
		entryPrice: '60000',
		referencePrice: '60000',
		notional: '30000',
		leverage: '10',
		initialMargin: '3000',
		backingMargin: '3000',
		maintenanceMargin: '120',
		maintenanceMarginRate: '0.004',
		maintenanceDeduction: '0',
		liquidation: {kind: 'price', price: '54240.9638554', maintenanceMarginRate: '0.004', maintenanceDeduction: '0'},
		liquidationDistance: '5759.04',
		liquidationDistancePercent: '9.598396',
		pnlLadder: [
			{movePercent: '-10', price: '54000', pnl: '-3000', pnlPercentOfMargin: '-100', liquidated: true},
			{movePercent: '1', price: '60600', pnl: '300', pnlPercentOfMargin: '10', liquidated: false},
		],
		fees: {
			openFeeRate: '0.0005',
			closeFeeRate: '0.0005',
			openFee: '15',
			closeFee: '15',
			roundTripFee: '30',
			roundTripPercentOfMargin: '1',
			breakEvenPrice: '60060.06',
		},
		funding: {
			ratePerInterval: '0.0001',
			intervalHours: '8',
			paymentPerInterval: '3',
			holdHours: '24',
			paymentOverHold: '9',
			holdPercentOfMargin: '0.3',
			dailyPercentOfMargin: '0.3',
			liquidationAfterHold: {kind: 'price', price: '54258', maintenanceMarginRate: '0.004', maintenanceDeduction: '0'},
		},
		odds: {annualVolatilityRate: '0.6', volatilityIsDefault: true, touch1hPercent: '0.01', touch8hPercent: '2.5', touch24hPercent: '12.25'},
		risk: {
			maxLoss: '3000',
			stop: {status: 'ok', maxSafeLeverage: '18.5'},
			sizing: {
				riskPercent: '1',
				quantityForRisk: '0.2',
				quantity: '0.2',
				notional: '12000',
				margin: '1200',
				coveredByBalance: true,
			},
		},
		assumptions: ['Binance BTCUSDT tier table bundled 2026-11'],
		parameterSource: {kind: 'input'},
		parametersAreFact: true,
	},
	warnings: [
		{rule: 'liquidation-odds', severity: 'warn', message: 'About a 12 % chance of touching liquidation within 24 h.', messageKey: 'x', substitutions: []},
	],
	worst: 'warn',
};

/** A recording stand-in for `assess`: remembers every input and answers with `answer`. */
export function recordingAssess(answer: Result<Assessment> = {ok: true, value: FIXED_ASSESSMENT}) {
	const calls: AssessInput[] = [];
	const assess = (input: AssessInput) => {
		calls.push(input);
		return answer;
	};
	return {assess, calls};
}
