import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { FieldJobView } from '@utility/shared';
import { useState } from 'react';
import { listFieldJobs } from '../../services/api/field-jobs';
import { requireStaff } from '../../services/session';
import { JobRow } from './job-row';
import './index.scss';

/** 我的工单: the technician's open jobs, emergencies and the nearest deadlines first (the server's order). */
export default function JobsPage() {
  const [jobs, setJobs] = useState<FieldJobView[] | null>(null);

  async function load() {
    if (!requireStaff()) return;
    try {
      setJobs(await listFieldJobs());
    } catch {
      setJobs((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View id="field-jobs-list" className="page jobs">
      {jobs === null ? <Text className="empty">加载中…</Text> : null}
      {jobs?.length === 0 ? <Text className="empty">暂无待处理的工单</Text> : null}
      {jobs?.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
    </View>
  );
}
