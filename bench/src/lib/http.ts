/** POSTs a JSON body to the server under test; throws with the status and body on an error. */
export async function postJson(base: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${text}`);
  return JSON.parse(text);
}
