import { Fragment } from 'react';

/**
 * A reading passage or transcript: paragraphs split on blank lines; a paragraph whose first
 * line is a lone letter (A–Z) is shown with that letter as its label, as matching tasks refer to it;
 * a transcript's speaker names are set in bold.
 */
export function PassageText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className="passage-text">
      {paragraphs.map((paragraph, index) => {
        const [first, ...rest] = paragraph.split('\n');
        if (first && /^[A-Z]$/.test(first.trim()) && rest.length > 0) {
          return (
            <p key={index} className="lettered">
              <strong className="paragraph-letter">{first.trim()}</strong> {rest.join(' ')}
            </p>
          );
        }
        return (
          <p key={index}>
            {paragraph.split('\n').map((line, lineIndex) => {
              // Transcripts name the speaker in capitals: "RECEPTIONIST: Good morning".
              const speaker = /^([A-Z][A-Z .'-]{1,30}):\s/.exec(line);
              return (
                <Fragment key={lineIndex}>
                  {lineIndex > 0 && <br />}
                  {speaker ? (
                    <>
                      <strong className="speaker">{speaker[1]}:</strong>
                      {line.slice(speaker[1]?.length ?? 0).replace(/^:/, '')}
                    </>
                  ) : (
                    line
                  )}
                </Fragment>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
