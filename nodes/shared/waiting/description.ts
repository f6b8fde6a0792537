import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** How a call-placing operation waits for the calls it placed (the same on every platform). */
export type WaitMode = 'none' | 'polling' | 'durable';

export const WAIT_MODES: Array<INodePropertyOptions & { value: WaitMode }> = [
	{
		name: "Don't Wait",
		value: 'none',
		description: 'Output the placed call at once; read its result later (Get, or the trigger)',
	},
	{
		name: 'Durable (Webhook)',
		value: 'durable',
		description:
			'The execution waits, stored in n8n, until the platform calls it back when the call ends: no memory or worker held meanwhile, survives a restart of n8n',
	},
	{
		name: 'Polling',
		value: 'polling',
		description: 'The execution stays running and reads the call every few seconds until it ends: for short waits',
	},
];

/** What a platform's call-placing operation offers for waiting. */
export interface WaitOffer {
	/** How the node names the platform ("OSVI"). */
	platform: string;
	/** Whether the call request takes a per-call webhook URL, so the execution can wait durably. */
	durable: boolean;
	/** Said under "Durable (Webhook)": what durable waiting needs or how it ends on this platform. */
	durableNote?: string;
	/** Said where there is no durable mode: the platform's call request takes no per-call webhook. */
	noWebhookNote?: string;
	/** Fields only this platform has, shown while waiting (OSVI: Include Transcript). */
	extra?: INodeProperties[];
}

const waiting = (modes: WaitMode[]) => ({ show: { waitForResult: modes } });

/**
 * The "Wait for Result" field and its settings. They are read once per node run (from the first
 * item): one execution waits once, for every call it placed.
 */
export function waitProperties(offer: WaitOffer): INodeProperties[] {
	const modes = WAIT_MODES.filter((mode) => offer.durable || mode.value !== 'durable');
	const durable: INodeProperties[] = offer.durable
		? [
				{
					displayName: `The execution waits in n8n's database and resumes when ${offer.platform} posts the call's result to this execution's resume URL (built from n8n's WEBHOOK_URL, which ${offer.platform} must be able to reach). The node then reads the call from ${offer.platform} and outputs it as Call → Get does, with timed_out: false. ${offer.durableNote ?? ''}`.trim(),
					name: 'durableNotice',
					type: 'notice',
					default: '',
					displayOptions: waiting(['durable']),
				},
				{
					displayName: 'Time Limit (Minutes)',
					name: 'waitTimeLimit',
					type: 'number',
					typeOptions: { minValue: 0.1, maxValue: 43200 },
					default: 60,
					displayOptions: waiting(['durable']),
					description:
						"After this the execution continues with the call as it was when the wait began and timed_out: true (n8n runs no node code at that moment: add a Get to read it again). n8n checks waits once a minute, so a limit under a minute can end up to a minute late. At most 43,200 (30 days).",
				},
			]
		: [];
	const noWebhook: INodeProperties[] = offer.noWebhookNote
		? [
				{
					displayName: offer.noWebhookNote,
					name: 'noWebhookNotice',
					type: 'notice',
					default: '',
					displayOptions: waiting(['polling']),
				},
			]
		: [];
	return [
		{
			displayName: 'Wait for Result',
			name: 'waitForResult',
			type: 'options',
			noDataExpression: true,
			options: modes,
			default: 'none',
			description:
				'Whether the workflow continues with the result of the calls (status, summary, extracted data) instead of the placed calls. Every item\'s call is placed first; the node then waits once for all of them.',
		},
		...durable,
		...noWebhook,
		{
			displayName: 'Time Limit (Minutes)',
			name: 'waitTimeLimit',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 1440 },
			default: 15,
			displayOptions: waiting(['polling']),
			description:
				'After this the node outputs each call as last read, with timed_out: true. The execution stays running (and holds its memory, and in queue mode a worker) the whole time. At most 1,440 (a day).',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 10,
			displayOptions: waiting(['polling']),
			description: 'Seconds between two reads of the calls still running, at most 3,600',
		},
		...(offer.extra ?? []).map((property) => ({ ...property, displayOptions: waiting(['polling', 'durable']) })),
	];
}
