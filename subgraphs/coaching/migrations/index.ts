/**
 * The coaching subgraph's migrations: the files of sqlite/ and postgresql/, oldest first.
 * Written by `npm run migrations:create -- coaching` (tools/migrations/create.ts): do not edit by hand.
 */
import { dialectMigrations } from '../../../core/db/dialect-migrations';
import { LEGACY_MIGRATIONS } from './legacy';
import { Migration20261206234153_baseline as sqlite20261206234153_baseline } from './sqlite/Migration20261206234153_baseline';
import { Migration20261207001106_quota_views as sqlite20261207001106_quota_views } from './sqlite/Migration20261207001106_quota_views';
import { Migration20261207060937_contact_memory_tiers as sqlite20261207060937_contact_memory_tiers } from './sqlite/Migration20261207060937_contact_memory_tiers';
import { Migration20261207061136_hint_actions as sqlite20261207061136_hint_actions } from './sqlite/Migration20261207061136_hint_actions';
import { Migration20261207061607_coaching_bandit as sqlite20261207061607_coaching_bandit } from './sqlite/Migration20261207061607_coaching_bandit';
import { Migration20261207061618_organization_views as sqlite20261207061618_organization_views } from './sqlite/Migration20261207061618_organization_views';
import { Migration20261207160546_dead_letters as sqlite20261207160546_dead_letters } from './sqlite/Migration20261207160546_dead_letters';
import { Migration20261206234153_baseline as postgresql20261206234153_baseline } from './postgresql/Migration20261206234153_baseline';
import { Migration20261207001106_quota_views as postgresql20261207001106_quota_views } from './postgresql/Migration20261207001106_quota_views';
import { Migration20261207033930_ghl_install_for as postgresql20261207033930_ghl_install_for } from './postgresql/Migration20261207033930_ghl_install_for';
import { Migration20261207060937_contact_memory_tiers as postgresql20261207060937_contact_memory_tiers } from './postgresql/Migration20261207060937_contact_memory_tiers';
import { Migration20261207061136_hint_actions as postgresql20261207061136_hint_actions } from './postgresql/Migration20261207061136_hint_actions';
import { Migration20261207061607_coaching_bandit as postgresql20261207061607_coaching_bandit } from './postgresql/Migration20261207061607_coaching_bandit';
import { Migration20261207061618_organization_views as postgresql20261207061618_organization_views } from './postgresql/Migration20261207061618_organization_views';
import { Migration20261207160546_dead_letters as postgresql20261207160546_dead_letters } from './postgresql/Migration20261207160546_dead_letters';

export const coachingMigrations = dialectMigrations({
  legacy: LEGACY_MIGRATIONS,
  sqlite: [
    { name: 'Migration20261206234153_baseline', class: sqlite20261206234153_baseline },
    { name: 'Migration20261207001106_quota_views', class: sqlite20261207001106_quota_views },
    {
      name: 'Migration20261207060937_contact_memory_tiers',
      class: sqlite20261207060937_contact_memory_tiers,
    },
    { name: 'Migration20261207061136_hint_actions', class: sqlite20261207061136_hint_actions },
    { name: 'Migration20261207061607_coaching_bandit', class: sqlite20261207061607_coaching_bandit },
    { name: 'Migration20261207061618_organization_views', class: sqlite20261207061618_organization_views },
    { name: 'Migration20261207160546_dead_letters', class: sqlite20261207160546_dead_letters },
  ],
  postgresql: [
    { name: 'Migration20261206234153_baseline', class: postgresql20261206234153_baseline },
    { name: 'Migration20261207001106_quota_views', class: postgresql20261207001106_quota_views },
    { name: 'Migration20261207033930_ghl_install_for', class: postgresql20261207033930_ghl_install_for },
    {
      name: 'Migration20261207060937_contact_memory_tiers',
      class: postgresql20261207060937_contact_memory_tiers,
    },
    { name: 'Migration20261207061136_hint_actions', class: postgresql20261207061136_hint_actions },
    { name: 'Migration20261207061607_coaching_bandit', class: postgresql20261207061607_coaching_bandit },
    {
      name: 'Migration20261207061618_organization_views',
      class: postgresql20261207061618_organization_views,
    },
    { name: 'Migration20261207160546_dead_letters', class: postgresql20261207160546_dead_letters },
  ],
});
