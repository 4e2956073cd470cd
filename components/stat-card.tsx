import styles from "./stat-card.module.css";
/** One headline figure with its label. */
export function StatCard({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className={`${styles.statCard} stat-card`}>
      <div className={styles.statLabel}>{label}</div>
      <div className={`${styles.statValue} stat-value`}>{value}</div>
      {hint && <div className={styles.statHint}>{hint}</div>}
    </div>
  );
}
