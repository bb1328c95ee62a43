import { Text, View } from '@tarojs/components';
import type { ResidentFacingTechnicianView } from '@utility/shared';
import { DialLink } from './dial-link';

/**
 * Who is coming, and a way to reach them while the job is under way (a leak especially): the 工号,
 * and a call button to their work phone. The number stays masked in the text; the server only
 * gives a number to dial while the job is open (docs/domain.md#personal-data).
 */
export function TechnicianCall({
  technician,
  idPrefix,
}: {
  technician: ResidentFacingTechnicianView;
  idPrefix: string;
}) {
  if (!technician.employeeNo && !technician.dialPhone) return null;
  return (
    <View className="row technician-call">
      {technician.employeeNo ? (
        <Text id={`${idPrefix}-employee-no`} className="muted technician-call__no">
          工号 {technician.employeeNo}
        </Text>
      ) : null}
      {technician.dialPhone ? (
        <DialLink
          id={`${idPrefix}-call`}
          phone={technician.dialPhone}
          className="btn btn--secondary technician-call__button"
        >
          <Text>拨打{technician.surname}师傅电话</Text>
        </DialLink>
      ) : null}
    </View>
  );
}
