/**
 * What OSVI's 404 means for each kind of request, in place of the generic "unknown ID" hint: the
 * server's own words stay in the message, this becomes the description.
 */
export const NOT_FOUND = {
	call: "OSVI has no call with this ID for this API token's account. Call IDs come from Call → Initiate, Get Many or the OSVI Trigger.",
	recording:
		"OSVI has no recording for this call: a call that was not answered (or is still in progress) has none, or the call ID is not one of this account's calls. Check the call's status with Call → Get.",
	campaign: "OSVI has no campaign with this ID for this API token's account. The ID is the number of the campaign in the OSVI dashboard.",
	dndNumber: "This number is not on this agent's Do Not Disturb list, so there was nothing to remove. Check it with Do Not Disturb → Check.",
	agent: "OSVI does not know this agent for this API token's account. Pick the agent from the list.",
	agentOrSession:
		"OSVI does not know this agent for this API token's account, or the Session ID given is not an open session: leave Session ID empty to continue the customer's active session.",
	session: 'OSVI has no chat session with this ID: it may have been closed. Chat → Get Active Session finds the customer\'s current one.',
};
