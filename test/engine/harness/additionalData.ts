// What n8n hands to every execution context: the credential store and the instance's URLs. Only
// the credential store is a test double (n8n keeps it outside n8n-core); authentication is
// resolved the way n8n's own credentials helper does it, with our credentials' `authenticate`.
import { ICredentialsHelper } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { credentialTypes, nodeTypes } from './registry';

export const WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

/** The credential store: decrypted data by type, and generic authentication resolved as n8n does. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		// Same resolution as n8n's own credentials helper: every value may be an expression over $credentials.
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials } as IDataObject, undefined, '');
		const result = { ...requestOptions } as IHttpRequestOptions & Record<string, IDataObject>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			const target: IDataObject = { ...((result[section] as IDataObject) ?? {}) };
			for (const [key, value] of Object.entries(entries as IDataObject)) target[key] = resolve(value) as string;
			result[section] = target;
		}
		return result;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		// A tool (osviTool) takes its node's credentials, as n8n's copyCredentialSupport gives them.
		const node = (nodeTypes[nodeType] ?? nodeTypes[nodeType.replace(/Tool$/, '')]) as INodeType | undefined;
		return node?.description.credentials?.some((credential) => credential.name === credentialType) ?? false;
	}
}

let executions = 0;
/** Every run is its own execution, as in n8n (the nodes keep per-execution records by this ID). */
export function nextExecutionId(): string {
	executions += 1;
	return `engine-test-${process.pid}-${executions}`;
}

/** What n8n hands to every context: the credential store, the instance's URLs, and what a context adds (`extra`). */
export function additionalDataFor(credentials: Record<string, ICredentialDataDecryptedObject>, extra: object = {}) {
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentials),
		executionId: nextExecutionId(),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
	return { ...additionalData, ...extra } as unknown as IWorkflowExecuteAdditionalData;
}
