// A forward HTTP proxy in front of the sandbox, for credentials whose Base URL has a public host
// name: n8n sends requests for http://api.osvi.example/… to the proxy named in HTTP_PROXY (as
// it does behind a company proxy), and the proxy hands them to the sandbox. The node then
// believes the platform is on the internet, where a private webhook host cannot be reached.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
	url: string;
	close(): Promise<void>;
}

export async function startProxy(target: string): Promise<Proxy> {
	const { hostname, port } = new URL(target);
	const server = http.createServer((request, response) => {
		const { pathname, search } = new URL(request.url ?? '/', 'http://unused');
		const forwarded = http.request({ hostname, port, path: `${pathname}${search}`, method: request.method, headers: request.headers }, (answer) => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		forwarded.on('error', () => response.destroy());
		request.pipe(forwarded);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port: proxyPort } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${proxyPort}`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Routes n8n's outbound HTTP through `proxy` while a test file runs (n8n reads these variables per request). */
export function useProxy(proxy: () => Proxy) {
	const names = ['HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
	const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
	beforeAll(() => {
		process.env.HTTP_PROXY = process.env.http_proxy = proxy().url;
		process.env.NO_PROXY = process.env.no_proxy = '';
	});
	afterAll(() => {
		for (const name of names) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
	});
}
