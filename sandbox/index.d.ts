// Types of the sandbox (plain JavaScript, so `npm run sandbox` and the e2e scripts need no build).
// A fake's named fields (`osvi`, `osviUrl`, `osviToken`, …) are typed here for the TypeScript tests;
// a new fake is reachable through `fakes`, `credential()` and `received()` without a line here.
export interface RecordedRequest {
	platform: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	authenticated: boolean;
	at: number;
	/** The fault the plan injected, and whether the server did the work. */
	fault: string;
	acted: boolean;
	status?: number;
}

export interface FaultPlanOptions {
	seed?: number;
	latencyMs?: number;
	rate429?: number;
	retryAfterSeconds?: number;
	rate503?: number;
	rate500?: number;
	resetBeforeRead?: number;
	resetAfterRead?: number;
	malformedJson?: number;
	slowBody?: number;
	slowBodyMs?: number;
	storm429?: number;
	/** The random faults meet only matching requests (path: the fake's own, e.g. /v1/call). */
	only?: FaultFilter;
	/** After `skip` matching requests, the next `times` get `fault`. */
	/** Share answered 400 with the request's headers echoed in the error message. */
	echoHeaders?: number;
	script?: Array<FaultFilter & { fault: 'rate429' | 'rate503' | 'rate500' | 'resetBeforeRead' | 'resetAfterRead' | 'malformedJson' | 'slowBody' | 'echoHeaders'; skip?: number; times?: number }>;
}

export interface FaultFilter {
	method?: string;
	path?: string;
}

export interface SandboxCall {
	call_id: string;
	status: string;
	phone_number: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	[key: string]: any;
}

export interface OsviFake {
	calls: SandboxCall[];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	webhookDeliveries: Array<{ url: string; body: any; status?: number; error?: string }>;
	callDurationMs: number;
	webhookShape: 'current' | 'legacy';
	webhookHeaders: Record<string, string>;
	visibilityDelayMs: number;
	analysisDelayMs: number;
	findCall(id: string): SandboxCall | undefined;
	seedCalls(count: number): void;
	reset(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFake = any;

/** A credential as `n8n import:credentials` reads it. */
export interface N8nCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

export interface Sandbox {
	url: string;
	/** Every fake by its folder name under sandbox/platforms/. */
	fakes: Record<string, AnyFake>;
	osvi: OsviFake;
	osviUrl: string;
	osviToken: string;
	klen: AnyFake;
	klenUrl: string;
	klenKey: string;
	klenSigningSecret: string;
	osviTriggerSecret: string;
	voiceosTriggerSecret: string;
	unleashxTriggerSecret: string;
	voiceos: AnyFake;
	voiceosUrl: string;
	voiceosToken: string;
	unleashx: AnyFake;
	unleashxUrl: string;
	unleashxToken: string;
	openai: AnyFake;
	openaiUrl: string;
	requests: RecordedRequest[];
	readonly maxInFlight: number;
	received(platform: string, method?: string, path?: string): RecordedRequest[];
	/** Credentials pointing at the fakes of this package's platforms (and of the stand-ins when asked). */
	credentials(options?: { standIns?: boolean }): N8nCredential[];
	credential(name: string): N8nCredential;
	/** The credentials of the triggers' webhook secrets (one per platform), as the fakes send them. */
	triggerCredentials(): N8nCredential[];
	triggerCredential(name: string): N8nCredential | undefined;
	reset(): void;
	setFaults(plan: FaultPlanOptions): void;
	close(): Promise<void>;
}

export function startSandbox(options?: {
	port?: number;
	callDurationMs?: number;
	faults?: FaultPlanOptions;
	/** Options of single fakes, e.g. OSVI's `webhookShape`. */
	[fakeOption: string]: unknown;
}): Promise<Sandbox>;
