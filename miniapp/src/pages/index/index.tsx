import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../components/action-button'
import './index.scss'

export default function HomePage() {
  return (
    <View className='page home'>
      <View className='home__hero'>
        <Text className='home__title'>智慧燃气·热力服务</Text>
        <Text className='home__lead'>燃气、供热报修与咨询，24小时热线随时受理</Text>
      </View>
      <ActionButton id='home-staff-entry' onClick={() => Taro.navigateTo({ url: '/staff/login/index' })}>
        员工工作台
      </ActionButton>
    </View>
  )
}
