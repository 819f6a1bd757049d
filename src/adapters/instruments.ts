/**
 * Bundled instrument data the adapters need when the page does not show it: OKX swap contract values (base
 * units per contract). Used only when the order form's own "Single contract value … BTC" hint is absent.
 *
 * Source: OKX public instruments endpoint https://www.okx.com/api/v5/public/instruments?instType=SWAP
 * (`ctVal`, `ctValCcy`), and the "Single contract value 0.01 BTC" placeholder in the Apr 8 2026 BTC-USDT-SWAP
 * page snapshot (mop824/okx-hotkey@ba4e1c7 dom-dumps/futures-full.html). Checked 2026-11-21.
 * TODO [2027-05-21]: re-check the contract values against the endpoint.
 */
import type {DecimalString} from '../core/decimal.js';

export const OKX_CONTRACT_VALUES: Readonly<Record<string, {contractValue: DecimalString; currency: string}>> = {
	'BTC-USDT-SWAP': {contractValue: '0.01', currency: 'BTC'},
	'ETH-USDT-SWAP': {contractValue: '0.1', currency: 'ETH'},
};

export function okxContractValue(instrumentId: string): DecimalString | undefined {
	return OKX_CONTRACT_VALUES[instrumentId.toUpperCase()]?.contractValue;
}
