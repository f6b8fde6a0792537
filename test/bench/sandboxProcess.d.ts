/** The sandbox in a process of its own (sandboxProcess.js). */
export interface SandboxProcess {
	url: string;
	pid: number;
	credential(name: string): { id: string; name: string; type: string; data: Record<string, string> };
	reset(faults?: Record<string, unknown>): Promise<void>;
	load(): Promise<{ requests: number; connections: number; maxInFlight: number; inFlight: number }>;
	stop(): Promise<void>;
}

export function startSandboxProcess(options?: { callDurationMs?: number }): Promise<SandboxProcess>;
