'use strict';
// The environment that keeps a real n8n local and quiet (docs/real-n8n.md), and free ports for it.
const net = require('node:net');

const ENCRYPTION_KEY = 'voice-agents-e2e-fixed-encryption-key';

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function n8nEnv(install, userFolder, port, brokerPort) {
	const env = {
		PATH: process.env.PATH,
		HOME: userFolder,
		DB_TYPE: 'sqlite',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		GENERIC_TIMEZONE: 'Asia/Kolkata',
	};
	// Node 20 cannot build isolated-vm, which 1.x's default expression engine needs.
	if (install.line === '1.x') env.N8N_EXPRESSION_ENGINE = 'legacy';
	// 2.x calls an outside MCP registry at start; 1.x does not know the module.
	if (install.line === '2.x') env.N8N_DISABLED_MODULES = 'mcp-registry';
	return env;
}

module.exports = { freePort, n8nEnv };
