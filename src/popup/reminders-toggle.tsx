/**
 * Isolated-margin reminder controls in the popup: the global switch, the override for the venue of the active
 * tab, and "snooze for this tab" (session storage, gone when the browser session ends).
 */
import {useEffect, useState} from 'preact/hooks';
import {isReminderSnoozed, snoozeReminder, unsnoozeReminder, withReminderOverride} from '../settings/reminders.js';
import type {SaveResult, Settings} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {CheckboxField, SelectField} from '../ui/components/choice-field.js';

type Override = 'follow' | 'on' | 'off';

export function RemindersToggle(props: {
	settings: Settings;
	onSave: (settings: Settings) => Promise<SaveResult> | void;
	/** Adapter id of the active tab, when LiqGuard reads a form there. */
	activeAdapter?: string;
	tabId?: number;
	session?: StorageAreaLike;
}) {
	const {settings, activeAdapter, tabId, session} = props;
	const [isSnoozed, setSnoozed] = useState(false);
	/*
	 * A switch that did not save must say so: the browser refuses sync writes past its quota (120 a minute) and
	 * a settings object past 8 KB, and the switch would otherwise show a state that is not the stored one. The
	 * switches render from `settings` (the stored object, pushed back by storage.onChanged), so after a failure
	 * they still show what is in force.
	 */
	const [failure, setFailure] = useState<string | undefined>(undefined);
	const save = async (next: Settings) => {
		setFailure(undefined);
		// saveSettings reports a refused write as a result (settings.ts), so there is nothing to catch here.
		const result = await props.onSave(next);
		if (result && !result.ok) setFailure(`Not saved: ${result.reason}`);
	};
	useEffect(() => {
		if (session && tabId !== undefined) void isReminderSnoozed(session, tabId).then(setSnoozed);
	}, [session, tabId]);

	const override: Override =
		activeAdapter === undefined || settings.reminders.perVenue[activeAdapter] === undefined
			? 'follow'
			: settings.reminders.perVenue[activeAdapter]
				? 'on'
				: 'off';

	const toggleSnooze = async () => {
		if (!session || tabId === undefined) return;
		setFailure(undefined);
		try {
			if (isSnoozed) await unsnoozeReminder(session, tabId);
			else await snoozeReminder(session, tabId);
			setSnoozed(!isSnoozed);
		} catch (error) {
			setFailure(`Not changed: ${error instanceof Error ? error.message : String(error)}`);
		}
	};

	return (
		<section class="card" aria-labelledby="reminders-heading">
			<h2 id="reminders-heading">Isolated-margin reminders</h2>
			<CheckboxField
				id="reminders-enabled"
				label="Remind me when an order form is on cross margin"
				checked={settings.reminders.enabled}
				onChange={enabled => void save({...settings, reminders: {...settings.reminders, enabled}})}
			/>
			{activeAdapter ? (
				<SelectField<Override>
					id="reminders-venue"
					label={`Reminders on this site (${activeAdapter})`}
					value={override}
					choices={[
						{value: 'follow', label: 'Follow the switch above'},
						{value: 'on', label: 'Always on here'},
						{value: 'off', label: 'Off here'},
					]}
					onChange={value =>
						void save(withReminderOverride(settings, activeAdapter, value === 'follow' ? undefined : value === 'on'))
					}
				/>
			) : null}
			{session && tabId !== undefined ? (
				<button type="button" onClick={() => void toggleSnooze()} aria-pressed={isSnoozed}>
					{isSnoozed ? 'Show reminders in this tab again' : 'Snooze reminders for this tab'}
				</button>
			) : null}
			{failure ? (
				<p class="notice" role="alert" data-testid="reminders-failure">
					{failure}
				</p>
			) : null}
		</section>
	);
}
