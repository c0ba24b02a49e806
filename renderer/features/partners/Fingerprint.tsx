/** A fingerprint as its six groups of five digits, spaced for reading aloud. */
export function Fingerprint({ value, label }: { value: string; label: string }) {
  return (
    <p className="fingerprint" aria-label={`${label}: ${value}`}>
      {value.split(' ').map((group, i) => (
        <span key={i} className="fingerprint-group">
          {group}
        </span>
      ))}
    </p>
  );
}
