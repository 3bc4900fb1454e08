/** The formatters live in shared (the exported reports write numbers as the screens do). */
export {
  formatAmount,
  formatDate,
  formatEuros,
  formatNumber,
  formatNumberInput,
  formatPercent,
  formatScore,
  parseAmount,
  parseNumberInput,
} from '@atelier/shared';
