import {
  ASSESSMENT_TYPES,
  ASSESSMENT_TYPE_NAMES,
  assessmentTypeSchema,
  formatPrice,
  type AssessmentType,
  type Product,
  type ProductId,
} from '@ielts-genai-prep/core';
import { useState } from 'react';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';
import { Loaded, PageHeading } from './page-parts.js';
import { useQuery } from './router.js';
import { useApiData } from './use-api-data.js';

/** Sends the browser to the payment page (another site). */
export type RedirectTo = (url: string) => void;

const leaveForCheckout: RedirectTo = (url) => window.location.assign(url);

/** What a pack adds, in words: "5 each of Writing Task 1 (Academic), … and Writing Task 2". */
export function packContents(product: Pick<Product, 'assessment_types' | 'assessments'>): string {
  if (product.assessment_types.length === ASSESSMENT_TYPES.length) return `${product.assessments} of every assessment type`;
  const labels = product.assessment_types.map((type) => ASSESSMENT_TYPE_NAMES[type]);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0];
  return labels.length > 1 ? `${product.assessments} each of ${list}` : `${product.assessments} ${list} assessments`;
}

function ProductCard({
  product,
  available,
  highlighted,
  redirect,
}: {
  product: Product;
  available: boolean;
  highlighted: boolean;
  redirect: RedirectTo;
}) {
  const { client } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const buy = async () => {
    setBusy(true);
    setError(null);
    try {
      const { checkout_url: url } = await client.purchases.checkout({ product_id: product.product_id as ProductId });
      redirect(url);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const headingId = `product-${product.product_id}`;
  return (
    <article
      className={`card product-card${highlighted ? ' product-card-highlighted' : ''}`}
      aria-labelledby={headingId}
      data-product={product.product_id}
    >
      <h2 id={headingId}>{product.name}</h2>
      <p className="product-price" data-testid="price">
        {formatPrice(product.price)}
      </p>
      <p>{product.description}</p>
      <ul className="product-facts muted small">
        <li>{packContents(product)}</li>
        <li>{product.validity_days === null ? 'Never expires' : `Use them within ${product.validity_days} days`}</li>
      </ul>
      {error !== null && <ErrorBanner error={error} onRetry={() => void buy()} />}
      <button
        type="button"
        className="button"
        onClick={() => void buy()}
        disabled={busy || !available}
        aria-label={`Buy the ${product.name} for ${formatPrice(product.price)}`}
      >
        {busy ? 'Going to checkout…' : `Buy for ${formatPrice(product.price)}`}
      </button>
    </article>
  );
}

/** The packs on sale with their prices; buying one goes to the payment provider's checkout page. */
export function BuyPage({ redirect = leaveForCheckout }: { redirect?: RedirectTo }) {
  const { client } = useApp();
  const requested = assessmentTypeSchema.safeParse(useQuery().get('type'));
  const wanted: AssessmentType | null = requested.success ? requested.data : null;
  const catalogue = useApiData(['products'], (signal) => client.purchases.products({ signal }));
  return (
    <>
      <PageHeading lead="Each pack adds assessments to your account as soon as the payment goes through. You pay on Stripe's secure checkout page.">
        Buy more assessments
      </PageHeading>
      <Loaded data={catalogue} label="Loading the packs…">
        {({ products, checkout_available: available }) => {
          // The packs that cover the type the learner came for come first.
          const ordered = wanted
            ? [...products].sort(
                (left, right) => Number(right.assessment_types.includes(wanted)) - Number(left.assessment_types.includes(wanted)),
              )
            : products;
          return (
            <>
              {!available && (
                <div className="banner banner-info" role="status" data-testid="purchases-not-configured">
                  <p className="banner-title">Purchases are not configured</p>
                  <p>
                    This server does not take payments, so the packs below cannot be bought here. The people who run it can add a pack to
                    your account.
                  </p>
                </div>
              )}
              {wanted && <p className="muted">Packs with {ASSESSMENT_TYPE_NAMES[wanted]} assessments are shown first.</p>}
              <ul className="cards product-list">
                {ordered.map((product) => (
                  <li key={product.product_id}>
                    <ProductCard
                      product={product}
                      available={available}
                      highlighted={wanted !== null && product.assessment_types.includes(wanted)}
                      redirect={redirect}
                    />
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
