const EURO = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' });

/** An amount in euros in the reader's locale, e.g. "€12,500.50". */
export function formatCurrency(amount: number): string {
  return EURO.format(amount);
}
