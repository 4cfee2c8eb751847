import { ASSESSMENT_TYPES, ASSESSMENT_TYPE_NAMES } from '@ielts-genai-prep/core';
import { useApp } from './app-context.js';
import { Loaded, PageHeading } from './page-parts.js';
import { Link, useQuery } from './router.js';
import { useApiData } from './use-api-data.js';

/** What the learner has now, read afresh: the pack shows here once the payment provider has told the server. */
function FreshEntitlements() {
  const { client } = useApp();
  const entitlements = useApiData(['entitlements'], (signal) => client.entitlements.get({ signal }));
  return (
    <section className="card" aria-labelledby="now-heading">
      <h2 id="now-heading">What you have now</h2>
      <Loaded data={entitlements} label="Checking your assessments…">
        {({ entitlements: list }) => (
          <>
            <ul className="entitlements" data-testid="entitlements">
              {ASSESSMENT_TYPES.map((type) => {
                const entry = list.find((candidate) => candidate.assessment_type === type);
                return (
                  <li key={type} data-entitlement={type}>
                    <span>{ASSESSMENT_TYPE_NAMES[type]}</span>
                    <span className="entitlement-count">
                      <strong>{entry?.remaining ?? 0}</strong> of {entry?.granted ?? 0} left
                    </span>
                  </li>
                );
              })}
            </ul>
            <p className="muted small checkout-note">
              A payment can take a minute to reach us. If your new assessments are not here yet,{' '}
              <button type="button" className="link-button" onClick={entitlements.retry}>
                check again
              </button>
              .
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Where the payment provider sends the learner back: after paying, or after cancelling. */
export function CheckoutReturnPage() {
  const paid = useQuery().get('outcome') === 'success';
  return (
    <>
      <PageHeading
        lead={paid ? 'Your pack is added to your account as soon as the payment is confirmed.' : 'You left the checkout before paying.'}
      >
        {paid ? 'Thank you for your purchase' : 'Payment cancelled'}
      </PageHeading>
      {paid ? (
        <FreshEntitlements />
      ) : (
        <p data-testid="checkout-cancelled">
          Nothing was charged. <Link to="/buy">Choose a pack</Link> or <Link to="/">go back to your dashboard</Link>.
        </p>
      )}
      {paid && (
        <p>
          <Link to="/">Go to your dashboard</Link> to start practising.
        </p>
      )}
    </>
  );
}
