// The words and permissions the interface shows, from their one definition on the server
// (GET /api/vocabulary): event types in German, and which roles may issue which command. No copy
// is kept here, so a new event type or command needs no change in this folder to appear.
async function load() {
  try {
    const response = await fetch(new URL('/api/vocabulary', location.origin), { headers: { Accept: 'application/json' } });
    if (response.ok) return await response.json();
  } catch {
    // Unreachable server: the lists stay empty and the forms hidden; the server checks every command anyway.
  }
  return { eventTypes: {}, commandRoles: {} };
}

export const vocabulary = await load();
