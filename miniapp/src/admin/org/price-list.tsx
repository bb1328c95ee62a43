import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { getPriceList, savePriceList } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { blankRow, toPriceListBody, toRows, type PriceRow } from './price-list-form';
import './org.scss';

/**
 * 维修收费价目表 (docs/domain.md#charges): what technicians may quote, per unit in yuan (stored as
 * fen). Saved as a whole; quotes sent from then on are priced by it. An item a quote named can be
 * retired (停用) but not deleted.
 */
export default function PriceListPage() {
  const [rows, setRows] = useState<PriceRow[] | null>(null);
  const [editing, setEditing] = useState(0);
  const [failure, setFailure] = useState('');
  const [saved, setSaved] = useState(false);
  useDidShow(() => void (requireStaff() && getPriceList().then((view) => setRows(toRows(view)))));
  if (!rows) return <View className="page" />;

  const row = rows[editing];
  const setRow = (change: Partial<PriceRow>) => {
    setSaved(false);
    setRows(rows.map((r, i) => (i === editing ? { ...r, ...change } : r)));
  };

  async function save() {
    if (!rows) return;
    setFailure('');
    setSaved(false);
    const built = toPriceListBody(rows);
    if ('error' in built) return setFailure(built.error);
    try {
      setRows(toRows(await savePriceList(built.body)));
      setSaved(true);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">收费项目</Text>
        {rows.map((r, i) => (
          <View
            key={`${i}-${r.code}`}
            id={`price-row-${i}`}
            className={editing === i ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setEditing(i)}
          >
            <Text>{r.name || '（新项目）'}</Text>
            <Text className="muted">
              ¥{r.yuan || '—'}/{r.unit}
              {r.retired ? ' · 已停用' : ''}
            </Text>
          </View>
        ))}
        <ActionButton
          id="price-add"
          tone="secondary"
          size="small"
          onClick={() => {
            setRows([...rows, blankRow()]);
            setEditing(rows.length);
          }}
        >
          新增收费项目
        </ActionButton>
        <ActionButton id="price-save" onClick={() => void save()}>
          保存价目表
        </ActionButton>
        {saved ? (
          <Text id="price-saved" className="text-ok">
            已保存，之后发送的报价按新价目表计价
          </Text>
        ) : null}
        <Failure message={failure} />
      </View>
      {row ? (
        <View className="card">
          <Text className="card__title">{row.name || '新收费项目'}</Text>
          <FormField label="编码（小写字母、数字、连字符）" id="price-code">
            <Input
              id="price-code"
              className="field__input"
              disabled={!row.added}
              value={row.code}
              onInput={(e) => setRow({ code: e.detail.value })}
            />
          </FormField>
          <FormField label="名称" id="price-name">
            <Input
              id="price-name"
              className="field__input"
              value={row.name}
              onInput={(e) => setRow({ name: e.detail.value })}
            />
          </FormField>
          <FormField label="单位" id="price-unit">
            <Input
              id="price-unit"
              className="field__input"
              value={row.unit}
              onInput={(e) => setRow({ unit: e.detail.value })}
            />
          </FormField>
          <FormField label="单价（元）" id="price-yuan">
            <Input
              id="price-yuan"
              className="field__input"
              type="digit"
              value={row.yuan}
              onInput={(e) => setRow({ yuan: e.detail.value })}
            />
          </FormField>
          <FormField label="状态" id="price-state">
            <Chips
              id="price-state"
              options={[
                { value: 'current', label: '在用' },
                { value: 'retired', label: '停用' },
              ]}
              value={row.retired ? 'retired' : 'current'}
              onPick={(state) => setRow({ retired: state === 'retired' })}
            />
          </FormField>
          {row.inUse ? (
            <Text className="muted">已用于报价：只能停用，不能删除</Text>
          ) : (
            <ActionButton
              id="price-remove"
              tone="danger"
              size="small"
              onClick={() => {
                setSaved(false);
                setRows(rows.filter((_, i) => i !== editing));
                setEditing(0);
              }}
            >
              删除此项（保存后生效）
            </ActionButton>
          )}
        </View>
      ) : null}
    </View>
  );
}
