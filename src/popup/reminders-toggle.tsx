/**
 * Isolated-margin reminder controls in the popup: the global switch, the override for the venue of the active
 * tab, and "snooze for this tab" (session storage, gone when the browser session ends).
 */
import {useEffect, useState} from 'preact/hooks';
import {isReminderSnoozed, snoozeReminder, unsnoozeReminder, withReminderOverride} from '../settings/reminders.js';
import type {Settings} from '../settings/settings.js';
import type {StorageAreaLike} from '../settings/storage-area.js';
import {CheckboxField, SelectField} from '../ui/components/choice-field.js';

type Override = 'follow' | 'on' | 'off';

export function RemindersToggle(props: {
	settings: Settings;
	onSave: (settings: Settings) => void;
	/** Adapter id of the active tab, when LiqGuard reads a form there. */
	activeAdapter?: string;
	tabId?: number;
	session?: StorageAreaLike;
}) {
	const {settings, activeAdapter, tabId, session} = props;
	const [isSnoozed, setSnoozed] = useState(false);
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
		if (isSnoozed) await unsnoozeReminder(session, tabId);
		else await snoozeReminder(session, tabId);
		setSnoozed(!isSnoozed);
	};

	return (
		<section class="card" aria-labelledby="reminders-heading">
			<h2 id="reminders-heading">Isolated-margin reminders</h2>
			<CheckboxField
				id="reminders-enabled"
				label="Remind me when an order form is on cross margin"
				checked={settings.reminders.enabled}
				onChange={enabled => props.onSave({...settings, reminders: {...settings.reminders, enabled}})}
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
						props.onSave(withReminderOverride(settings, activeAdapter, value === 'follow' ? undefined : value === 'on'))
					}
				/>
			) : null}
			{session && tabId !== undefined ? (
				<button type="button" onClick={() => void toggleSnooze()} aria-pressed={isSnoozed}>
					{isSnoozed ? 'Show reminders in this tab again' : 'Snooze reminders for this tab'}
				</button>
			) : null}
		</section>
	);
}
