import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { type Actor, badInput, notFound } from '@jobcode/common';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { CountySetting } from './county-setting.entity';
import { type CountySettingDefinition, countySettingDefinition, countySettingDefinitions } from './county-setting-definition';
import { CountySettingObject } from './county-setting.object';

/** Typed per-county settings: declared (with defaults) by the features that own them, changed by county staff. */
@Injectable()
export class CountySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  /** The county's value, or the declared default. `regionCode` may be any code inside the county. */
  async get<T>(definition: CountySettingDefinition<T>, regionCode: string, manager: EntityManager = this.dataSource.manager): Promise<T> {
    const row = await manager.findOne(CountySetting, { where: { countyCode: regionCode.slice(0, 6), key: definition.key } });
    if (!row) return definition.defaultValue;
    const parsed = definition.parse(row.value);
    return 'value' in parsed ? parsed.value : definition.defaultValue;
  }

  async list(actor: Actor, countyCode: string): Promise<CountySettingObject[]> {
    await this.requireCounty(countyCode);
    await this.scope.assertCovers(actor, countyCode);
    const rows = await this.dataSource.manager.find(CountySetting, { where: { countyCode } });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return countySettingDefinitions().map((definition) => this.toObject(countyCode, definition, byKey.get(definition.key)));
  }

  /** Only staff whose scope holds the whole county (county staff, admins) change its settings. */
  async set(actor: Actor, countyCode: string, key: string, valueJson: string): Promise<CountySettingObject> {
    await this.requireCounty(countyCode);
    await this.scope.assertCovers(actor, countyCode);
    const definition = countySettingDefinition(key);
    if (!definition) {
      const keys = countySettingDefinitions().map((d) => d.key);
      throw notFound(`没有名为 ${key} 的县级设置；可用的设置有：${keys.join('、')}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(valueJson);
    } catch {
      throw badInput('取值应为 JSON，例如 ["LIFTED_OUT","MONITORED"]', { field: 'input.valueJson', reason: 'INVALID_JSON' });
    }
    const parsed = definition.parse(raw);
    if ('error' in parsed) throw badInput(parsed.error, { field: 'input.valueJson', reason: 'INVALID_SETTING_VALUE' });
    await this.dataSource.manager.upsert(CountySetting, { countyCode, key, value: parsed.value as object, updatedBy: actor.accountId }, ['countyCode', 'key']);
    const row = await this.dataSource.manager.findOneOrFail(CountySetting, { where: { countyCode, key } });
    return this.toObject(countyCode, definition, row);
  }

  private async requireCounty(countyCode: string): Promise<void> {
    await this.regions.require(countyCode, 'input.countyCode');
    if (countyCode.length !== 6) throw badInput('县级设置要用县的 6 位区划代码', { field: 'countyCode' });
  }

  private toObject(countyCode: string, definition: CountySettingDefinition<unknown>, row: CountySetting | undefined): CountySettingObject {
    const parsed = row ? definition.parse(row.value) : undefined;
    const value = parsed && 'value' in parsed ? parsed.value : definition.defaultValue;
    return {
      countyCode,
      key: definition.key,
      description: definition.description,
      valueJson: JSON.stringify(value),
      defaultJson: JSON.stringify(definition.defaultValue),
      isDefault: !row,
      updatedAt: row?.updatedAt ?? null,
    };
  }
}
