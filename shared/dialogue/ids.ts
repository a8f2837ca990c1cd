/** A readable, URL-safe id from the Swedish title plus a random suffix: `lekplatsen-i-lagan-3f9a`. */
export function dialogueIdFrom(title: string, randomSuffix: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/g, '');
  return `${slug || 'dialog'}-${randomSuffix}`;
}
