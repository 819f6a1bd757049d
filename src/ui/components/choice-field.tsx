/**
 * Labelled choices: a `<select>` for long lists and a radio group (fieldset + legend) for two or three options,
 * both operable by keyboard alone (arrow keys move within a radio group, Tab moves between groups).
 */
import type {ComponentChildren} from 'preact';

export type Choice<T extends string> = {value: T; label: string};

export function SelectField<T extends string>(props: {
	id: string;
	label: ComponentChildren;
	value: T;
	choices: readonly Choice<T>[];
	onChange: (value: T) => void;
	hint?: ComponentChildren;
}) {
	const hintId = `${props.id}-hint`;
	return (
		<div class="field">
			<label for={props.id}>{props.label}</label>
			<select
				id={props.id}
				name={props.id}
				value={props.value}
				aria-describedby={props.hint ? hintId : undefined}
				onChange={event => props.onChange((event.currentTarget as HTMLSelectElement).value as T)}
			>
				{props.choices.map(choice => (
					<option key={choice.value} value={choice.value}>
						{choice.label}
					</option>
				))}
			</select>
			{props.hint ? (
				<p id={hintId} class="field__hint">
					{props.hint}
				</p>
			) : null}
		</div>
	);
}

export function RadioGroup<T extends string>(props: {
	name: string;
	legend: ComponentChildren;
	value: T;
	choices: readonly Choice<T>[];
	onChange: (value: T) => void;
}) {
	return (
		<fieldset class="field radio-group">
			<legend>{props.legend}</legend>
			{props.choices.map(choice => {
				const id = `${props.name}-${choice.value}`;
				return (
					<span class="radio" key={choice.value}>
						<input
							type="radio"
							id={id}
							name={props.name}
							value={choice.value}
							checked={props.value === choice.value}
							onChange={() => props.onChange(choice.value)}
						/>
						<label for={id}>{choice.label}</label>
					</span>
				);
			})}
		</fieldset>
	);
}

export function CheckboxField(props: {
	id: string;
	label: ComponentChildren;
	checked: boolean;
	onChange: (checked: boolean) => void;
	hint?: ComponentChildren;
}) {
	const hintId = `${props.id}-hint`;
	return (
		<div class="field field--checkbox">
			<input
				type="checkbox"
				id={props.id}
				name={props.id}
				checked={props.checked}
				aria-describedby={props.hint ? hintId : undefined}
				onChange={event => props.onChange((event.currentTarget as HTMLInputElement).checked)}
			/>
			<label for={props.id}>{props.label}</label>
			{props.hint ? (
				<p id={hintId} class="field__hint">
					{props.hint}
				</p>
			) : null}
		</div>
	);
}
