/**
 * A labelled text input for a decimal number with its validation message next to it. The caller owns the text
 * (so it is kept exactly as typed) and passes the message from `parseUserDecimal`; this component only wires
 * the label, `aria-invalid` and `aria-describedby` so screen readers and tests find the field by its label.
 */
import type {ComponentChildren} from 'preact';

export type DecimalFieldProps = {
	id: string;
	label: ComponentChildren;
	value: string;
	onInput: (text: string) => void;
	/** Validation message; shown next to the field and announced with it. */
	error?: string;
	/** Always-visible help (unit, default, reason). */
	hint?: ComponentChildren;
	/** Unit shown after the input ("USDT", "%", "x"). */
	unit?: string;
	placeholder?: string;
	isRequired?: boolean;
};

export function DecimalField(props: DecimalFieldProps) {
	const errorId = `${props.id}-error`;
	const hintId = `${props.id}-hint`;
	const describedBy = [props.error ? errorId : undefined, props.hint ? hintId : undefined].filter(Boolean).join(' ');
	return (
		<div class={`field${props.error ? ' field--invalid' : ''}`}>
			<label for={props.id}>
				{props.label}
				{props.isRequired ? null : <span class="optional"> (optional)</span>}
			</label>
			<div class="field__control">
				<input
					id={props.id}
					name={props.id}
					type="text"
					inputMode="decimal"
					autoComplete="off"
					spellcheck={false}
					value={props.value}
					placeholder={props.placeholder}
					aria-invalid={props.error ? 'true' : 'false'}
					aria-describedby={describedBy || undefined}
					onInput={event => props.onInput((event.currentTarget as HTMLInputElement).value)}
				/>
				{props.unit ? <span class="unit" aria-hidden="true">{props.unit}</span> : null}
			</div>
			{props.error ? (
				<p id={errorId} class="field__error" role="alert">
					{props.error}
				</p>
			) : null}
			{props.hint ? (
				<p id={hintId} class="field__hint">
					{props.hint}
				</p>
			) : null}
		</div>
	);
}
