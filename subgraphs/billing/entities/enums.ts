import { registerEnumType } from 'type-graphql';

export enum SubscriptionStatus {
  TRIALING = 'TRIALING',
  ACTIVE = 'ACTIVE',
  PAST_DUE = 'PAST_DUE',
  CANCELED = 'CANCELED',
}
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });

export enum InvoiceLineKind {
  BASE_FEE = 'BASE_FEE',
  SEATS = 'SEATS',
  OVERAGE = 'OVERAGE',
  PRORATION_CREDIT = 'PRORATION_CREDIT',
  PRORATION_CHARGE = 'PRORATION_CHARGE',
  PARTNER_REVENUE_SHARE = 'PARTNER_REVENUE_SHARE',
}
registerEnumType(InvoiceLineKind, {
  name: 'InvoiceLineKind',
  valuesConfig: {
    PARTNER_REVENUE_SHARE: {
      description:
        "A partner app's share of the usage it generated: paid out of the invoice, not added to it.",
    },
  },
});

export enum AdjustmentKind {
  PRORATION_CREDIT = 'PRORATION_CREDIT',
  PRORATION_CHARGE = 'PRORATION_CHARGE',
}
