/**
 * Creates the `ccts` catalogue entries in a CMS (which the pipeline never
 * creates itself) and returns their ids by clave.
 */
export async function seedCcts(
  cms: { readonly baseUrl: string; readonly token: string },
  claves: readonly string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const clave of claves) {
    const response = await fetch(`${cms.baseUrl}/api/ccts`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${cms.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ data: { clave } }),
    });
    const body = (await response.json()) as { data?: { id?: number } };
    if (response.status !== 201 || typeof body.data?.id !== 'number') {
      throw new Error(`seeding CCT ${clave} answered HTTP ${response.status}`);
    }
    ids.set(clave, body.data.id);
  }
  return ids;
}
